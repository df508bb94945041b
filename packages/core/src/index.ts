export * from './contract/index.js';
export * from './errors/index.js';
export * from './registry/index.js';
export * from './lifecycle/index.js';
export { defaultRetryPolicy, withRetry, isRetryable, type RetryPolicy, type WithRetryOptions } from './retry/retry-policy.js';
export { loadImage, type ImageInput } from './media/load-image.js';
export * from './log/index.js';
export * from './config/index.js';
export * from './http/index.js';
