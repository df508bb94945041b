/**
 * The provider conformance suite (vitest) and test helpers.
 *
 * @packageDocumentation
 * @module @video-gen/testing
 */
export { type CallCounts, countingProvider } from './conformance/counting-provider.js';
export {
  describeProviderConformance,
  type ProviderConformanceOptions,
} from './conformance/describe-provider-conformance.js';
export type { SubmitFailure } from './conformance/error-mapping-cases.js';
export * from './loopback.js';
