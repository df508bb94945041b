export { resolveModel } from '../validation/resolve-model.js';
export { checkVideo } from './check-video.js';
export { type CheckedVideoRequest, checkVideoRequest } from './check-video-request.js';
export { DEFAULT_TIMEOUT_MS } from './deadline.js';
export { type FinishVideoOptions, finishVideo } from './finish-video.js';
export { generateVideo } from './generate-video.js';
export type {
  GenerateVideoOptions,
  GenerateVideoResult,
  GenerationSettings,
  GenerationTimings,
  PollOptions,
} from './generate-video-options.js';
export { type Journal, type JournalRequest, journalPathFor, readJournal } from './journal.js';
export { fileJournalStore, type JournalStore } from './journal-store.js';
export {
  defineParityApi,
  type ParityApi,
  type ParityClient,
  type ParityClientClass,
  type ParityDefinition,
  type ParityOptions,
  type ParityRequest,
} from './parity-api.js';
export type { ProgressEvent, ProgressPhase } from './progress-event.js';
export { DEFAULT_PROVIDER_ID, resolveProvider } from './resolve-provider.js';
export { type ResumeVideoOptions, resumeVideo } from './resume-video.js';
export { type StartedVideo, type StartVideoOptions, startVideo } from './start-video.js';
