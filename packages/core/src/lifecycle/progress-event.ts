/** The phases of a generation, in order. */
export type ProgressPhase = 'validating' | 'submitting' | 'queued' | 'running' | 'downloading' | 'done';

/** What `onProgress` receives. */
export interface ProgressEvent {
  readonly phase: ProgressPhase;
  readonly provider: string;
  readonly model: string;
  /** The vendor's job id, once submitted. */
  readonly jobId?: string;
  /** Vendor progress (0 to 1) while running; download progress while downloading, when the size is known. */
  readonly progress?: number;
  /** Bytes written so far, while downloading. */
  readonly bytes?: number;
  /** Total bytes, while downloading, when known. */
  readonly totalBytes?: number;
  /** Milliseconds since the call started. */
  readonly elapsedMs: number;
  /** Set when a call is being retried: the attempt that failed and the wait before the next. */
  readonly retry?: { readonly attempt: number; readonly delayMs: number; readonly reason: string };
}
