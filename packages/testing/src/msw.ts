/**
 * msw request handlers reproducing each vendor's wire format.
 *
 * @packageDocumentation
 * @module @video-gen/testing/msw
 */
// msw request handlers that reproduce each vendor's wire format (../shared/providers/).

export { respondInSequence } from './msw/respond-in-sequence.js';
export * from './vendors/azure-sora/msw.js';
export * from './vendors/google-veo/msw.js';
export * from './vendors/openai-sora/msw.js';
export * from './vendors/runway/msw.js';
