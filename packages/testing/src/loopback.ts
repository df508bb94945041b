/**
 * Runtime-safe test helpers (no vitest, no msw): loopback vendor servers and fixtures, for Node, Bun and Deno.
 *
 * @packageDocumentation
 * @module @video-gen/testing/loopback
 */
// Runtime-safe helpers (no vitest, no msw): usable from Bun and Deno scripts as well as tests.
export { solidPng } from '@video-gen/core';
export { tinyMp4, tinyMp4Path } from './fixtures/tiny-mp4.js';
export {
  type LoopbackHandler,
  type LoopbackServer,
  type RecordedRequest,
  startLoopbackServer,
} from './loopback/start-loopback-server.js';
export * from './vendors/azure-sora/loopback.js';
export * from './vendors/google-oauth/loopback.js';
export * from './vendors/google-veo/loopback.js';
export * from './vendors/openai-sora/loopback.js';
export * from './vendors/runway/loopback.js';
