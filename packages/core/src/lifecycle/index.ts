export { generateVideo } from './generate-video.js';
export { resumeVideo, type ResumeVideoOptions } from './resume-video.js';
export { readJournal, journalPathFor, type Journal, type JournalRequest } from './journal.js';
export { DEFAULT_PROVIDER_ID } from './resolve-provider.js';
export { DEFAULT_TIMEOUT_MS } from './deadline.js';
export type {
  GenerateVideoOptions,
  GenerateVideoResult,
  GenerationSettings,
  GenerationTimings,
  PollOptions,
} from './generate-video-options.js';
export type { ProgressEvent, ProgressPhase } from './progress-event.js';
