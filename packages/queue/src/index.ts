/**
 * A durable video job queue on Postgres: many workers on many machines share one job stream, a job
 * survives any worker dying, per-provider job limits hold across the fleet, and no job is ever
 * submitted twice to a paid vendor.
 *
 * @packageDocumentation
 */
export {
  createVideoQueue,
  type EnqueueResult,
  type VideoQueue,
  type VideoQueueOptions,
} from './create-video-queue.js';
export type { EmbeddedOptions } from './embedded.js';
export { folderStorage, type VideoStorage } from './folder-storage.js';
export type { QueuedJob, QueuedJobState, QueuedRequest } from './job-record.js';
export type { WorkerSettings, WorkOptions } from './worker.js';
