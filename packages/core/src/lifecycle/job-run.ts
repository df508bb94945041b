import type { ProviderContext } from '../contract/provider-context.js';
import type { VideoProvider } from '../contract/video-provider.js';
import type { LedgerRecorder } from '../ledger/ledger-recorder.js';
import type { VendorCallOptions } from '../limits/request-limiter.js';
import type { Logger } from '../log/logger.js';
import type { GenerationSettings } from './generate-video-options.js';
import type { PollClock } from './poll-job.js';
import type { ProgressEvent } from './progress-event.js';

/** Everything the stages of one generation share. */
export interface JobRun {
  readonly provider: VideoProvider;
  readonly model: string;
  readonly settings: GenerationSettings;
  readonly context: ProviderContext;
  readonly logger: Logger;
  readonly outPath: string;
  readonly journalPath: string;
  readonly startedAt: number;
  /** Runs one vendor call within the provider's request limits (`first`: ahead of the queue). */
  vendorCall<T>(call: () => Promise<T>, options?: VendorCallOptions): Promise<T>;
  /**
   * Waits for a local resource (a download slot) with the job's timeout stopped meanwhile, so a
   * queue in this process never times out a paid job. Absent: `wait` runs as it is.
   */
  outsideDeadline?<T>(wait: () => Promise<T>): Promise<T>;
  /** Records the job's progress in the generation ledger. */
  readonly ledger: LedgerRecorder;
  emit(event: Omit<ProgressEvent, 'provider' | 'model' | 'elapsedMs'>): void;
  /** The poll loop's time and randomness; the system's when absent (tests pass a simulated one). */
  readonly clock?: PollClock;
}

/** Builds the progress emitter of a run: fills in provider, model and elapsed time, and never lets a throwing callback break the job. */
export function progressEmitter(
  settings: GenerationSettings,
  providerId: string,
  model: string,
  startedAt: number,
  logger: Logger,
): JobRun['emit'] {
  return (event) => {
    if (!settings.onProgress) return;
    try {
      settings.onProgress({ ...event, provider: providerId, model, elapsedMs: Date.now() - startedAt });
    } catch (error) {
      logger.warn('onProgress callback threw; ignoring', { error: String(error) });
    }
  };
}
