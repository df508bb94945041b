import { VideoGenError, type VideoGenErrorOptions } from './video-gen-error.js';

/** The vendor reports the job failed. The journal is removed: resuming would not help. */
export class GenerationFailedError extends VideoGenError {
  static override readonly errorName: string = 'GenerationFailedError';
  constructor(message: string, options: VideoGenErrorOptions & { code?: string } = {}) {
    super(message, options.code ?? 'generation_failed', options);
  }
}

/** Every retry of a call failed. `cause` is the last failure; `attempts` says how many were made. */
export class RetryExhaustedError extends VideoGenError {
  static override readonly errorName: string = 'RetryExhaustedError';
  /** How many attempts were made. */
  readonly attempts: number;
  constructor(message: string, attempts: number, options: VideoGenErrorOptions = {}) {
    super(message, 'retry_exhausted', options);
    this.attempts = attempts;
  }
}

/** The job did not finish within `timeoutMs`. The journal stays: `resumeVideo(journalPath)` picks the job up again. */
export class JobTimeoutError extends VideoGenError {
  static override readonly errorName: string = 'JobTimeoutError';
  /** The journal to resume from, when one was written. */
  readonly journalPath: string | undefined;
  constructor(message: string, options: VideoGenErrorOptions & { journalPath?: string } = {}) {
    super(message, 'job_timeout', options);
    this.journalPath = options.journalPath;
  }
}

/** The call was cancelled through its `AbortSignal`. When a job was submitted, its journal stays so it can be resumed. */
export class CancelledError extends VideoGenError {
  static override readonly errorName: string = 'CancelledError';
  /** The journal to resume from, when a job was submitted. */
  readonly journalPath: string | undefined;
  constructor(message: string, options: VideoGenErrorOptions & { journalPath?: string } = {}) {
    super(message, 'cancelled', options);
    this.journalPath = options.journalPath;
  }
}

/** The video could not be downloaded or failed its integrity checks (size, MP4 header, URL policy). */
export class DownloadError extends VideoGenError {
  static override readonly errorName: string = 'DownloadError';
  constructor(message: string, options: VideoGenErrorOptions & { code?: string } = {}) {
    super(message, options.code ?? 'download_failed', options);
  }
}
