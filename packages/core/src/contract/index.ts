export type { JobRef, JsonValue } from './job-ref.js';
export type { JobState, JobStatus, JobUsage } from './job-status.js';
export {
  type ImageMediaType,
  isNumberRange,
  isSizeRange,
  type ModelImageInputs,
  type ModelInfo,
  type ModelStatus,
  type NumberRange,
  type VideoSize,
  type VideoSizeRange,
} from './model-info.js';
export type { ModelPrice, PriceSource, PriceTier, PriceUnit } from './model-price.js';
export { defaultModel, describeModelStatus, modelStatus } from './model-status.js';
export type { ProviderConfigSource } from './provider-config-source.js';
export type { ProviderContext } from './provider-context.js';
export type { ProviderPlugin } from './provider-plugin.js';
export type { GenerationWarning, LoadedImage, LoadedVideo, ResolvedRequest } from './request.js';
export type { ModelVideoInput, VideoInputUse, VideoMediaType, VideoUrlScheme } from './video-input.js';
export type { ProviderPolling, VideoProvider } from './video-provider.js';
export type { VideoSource } from './video-source.js';
export type { VideoWebhook } from './video-webhook.js';
