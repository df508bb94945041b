import type { Journal } from '@video-gen/core';

/**
 * The states of a queued job. `queued`: waiting for a worker; `submitting`: a worker took it and is
 * submitting (if it died here, the outcome is unknown); `submitted`: the vendor accepted it and its
 * job reference is committed; `succeeded`, `failed`, `cancelled`: over; `reconcile`: the submit's
 * outcome is unknown and the vendor does not deduplicate, so it is never submitted again: a person
 * decides (see docs/queue.md).
 */
export type QueuedJobState =
  | 'queued'
  | 'submitting'
  | 'submitted'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'reconcile';

/** The states a job ends in. */
export const FINAL_STATES: readonly QueuedJobState[] = ['succeeded', 'failed', 'cancelled', 'reconcile'];

/**
 * What to generate: the options of core's `generateVideo` that can be kept as JSON (images and the
 * input video as paths or URLs), with the provider as a registry id. Output, signal and callbacks
 * belong to the worker.
 */
export interface QueuedRequest {
  readonly provider: string;
  readonly prompt: string;
  readonly model?: string;
  readonly width?: number;
  readonly height?: number;
  readonly fps?: number;
  readonly durationSeconds?: number;
  readonly seed?: number;
  readonly negativePrompt?: string;
  readonly audio?: boolean;
  readonly firstFrame?: string;
  readonly lastFrame?: string;
  readonly referenceImages?: readonly string[];
  readonly video?: string;
  readonly videoUse?: 'edit' | 'extend' | 'reference';
  readonly providerOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** One job as the queue records it. */
export interface QueuedJob {
  readonly id: string;
  /** The caller's key: the same key enqueued twice is this one job. */
  readonly key: string;
  readonly provider: string;
  readonly request: QueuedRequest;
  readonly state: QueuedJobState;
  /** The vendor's job id, once the submit is committed. */
  readonly vendorJobId?: string;
  /** The journal core drives the job with, once submitted. */
  readonly journal?: Journal;
  /** How many times a worker took the job. */
  readonly attempts: number;
  /** Where the finished video is (a storage URI). */
  readonly outputUri?: string;
  readonly error?: { readonly code: string; readonly message: string };
  readonly cancelRequested: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly finishedAt?: Date;
}

/** A `video_gen_jobs` row as `pg` returns it. */
export interface JobRow {
  id: string;
  key: string;
  provider: string;
  request: QueuedRequest;
  state: QueuedJobState;
  idempotency_key: string;
  journal: Journal | null;
  job_ref: { id: string } | null;
  attempts: number;
  output_uri: string | null;
  error: { code: string; message: string } | null;
  cancel_requested: boolean;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

/** The public view of a row. */
export function toQueuedJob(row: JobRow): QueuedJob {
  return {
    id: row.id,
    key: row.key,
    provider: row.provider,
    request: row.request,
    state: row.state,
    ...(row.job_ref ? { vendorJobId: row.job_ref.id } : {}),
    ...(row.journal ? { journal: row.journal } : {}),
    attempts: row.attempts,
    ...(row.output_uri ? { outputUri: row.output_uri } : {}),
    ...(row.error ? { error: row.error } : {}),
    cancelRequested: row.cancel_requested,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
  };
}
