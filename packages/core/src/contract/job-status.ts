import type { VideoGenError } from '../errors/video-gen-error.js';
import type { JsonValue } from './job-ref.js';

/** Usage or cost the vendor reports for a finished job. */
export interface JobUsage {
  /** Seconds of video billed. */
  readonly seconds?: number;
  /** Cost, when the vendor reports one. */
  readonly cost?: { readonly amount: number; readonly currency: string };
  /** Anything else the vendor reports. */
  readonly raw?: JsonValue;
}

/** What a provider's `status()` says about a job. */
export type JobStatus =
  | {
      readonly state: 'queued' | 'running';
      /** Progress from 0 to 1, when the vendor reports it. */
      readonly progress?: number;
      /** The vendor's hint for the next poll, in milliseconds. */
      readonly retryAfterMs?: number;
    }
  | { readonly state: 'succeeded'; readonly usage?: JobUsage }
  | { readonly state: 'failed'; readonly error: VideoGenError }
  | { readonly state: 'cancelled' };

/** The states a job moves through. */
export type JobState = JobStatus['state'];
