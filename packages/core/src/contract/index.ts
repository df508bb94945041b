export type { JobRef, JsonValue } from './job-ref.js';
export type { JobStatus, JobState, JobUsage } from './job-status.js';
export {
  isSizeRange,
  isNumberRange,
  type ModelInfo,
  type ModelImageInputs,
  type ImageMediaType,
  type VideoSize,
  type VideoSizeRange,
  type NumberRange,
} from './model-info.js';
export type { ResolvedRequest, LoadedImage, GenerationWarning } from './request.js';
export type { VideoSource } from './video-source.js';
export type { ProviderContext } from './provider-context.js';
export type { VideoProvider } from './video-provider.js';
export type { ProviderPlugin } from './provider-plugin.js';
