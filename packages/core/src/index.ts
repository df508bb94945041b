/**
 * The video-gen core: the provider contract, the registry, `generateVideo()` and `resumeVideo()`, configs, errors, the logger, downloads and the generation ledger.
 *
 * @packageDocumentation
 * @module @video-gen/core
 */
export * from './config/index.js';
export * from './contract/index.js';
export * from './cost/index.js';
export * from './errors/index.js';
export * from './fs/index.js';
export * from './http/index.js';
export * from './ledger/index.js';
export * from './lifecycle/index.js';
export * from './log/index.js';
export { MAX_IMAGE_PIXELS } from './media/assert-usable-image.js';
export { checkImageUrl, type ImageUrlPolicyOptions } from './media/check-image-url.js';
export { type ImageInput, type LoadImageOptions, loadImage } from './media/load-image.js';
export {
  type LoadVideoOptions,
  loadVideo,
  MAX_VIDEO_FILE_BYTES,
  type VideoInput,
} from './media/load-video.js';
export { solidPng } from './media/solid-png.js';
export * from './registry/index.js';
export {
  defaultRetryPolicy,
  isRetryable,
  type RetryPolicy,
  type WithRetryOptions,
  withRetry,
} from './retry/retry-policy.js';
export { resolveRequest } from './validation/resolve-request.js';
