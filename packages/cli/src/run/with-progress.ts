import type { ProgressEvent } from '@video-gen/core';
import type { OutputFormat } from '../output/print-result.js';
import {
  createProgressReporter,
  type ProgressReporter,
  progressModeFor,
} from '../output/progress-display.js';
import { abortOnInterrupt } from './interrupt.js';

/** What a long-running command gets: a cancel signal wired to Ctrl-C, and a progress callback. */
export interface JobSession {
  readonly signal: AbortSignal;
  readonly onProgress: (event: ProgressEvent) => void;
  readonly reporter: ProgressReporter;
}

/**
 * Runs `work` with progress shown the way the output format and terminal call for, and Ctrl-C
 * turned into an abort. The display is always torn down before anything else is printed.
 *
 * @example
 * ```ts
 * const result = await withProgress('human', ({ signal, onProgress }) => generateVideo({ prompt, signal, onProgress }));
 * ```
 */
export async function withProgress<T>(
  format: OutputFormat,
  work: (session: JobSession) => Promise<T>,
  notices: readonly string[] = [],
): Promise<T> {
  const reporter = createProgressReporter(
    progressModeFor({ events: format === 'events' }, Boolean(process.stderr.isTTY)),
  );
  for (const notice of notices) reporter.note(notice);
  const interrupt = abortOnInterrupt(() => reporter.stop());
  try {
    return await work({
      signal: interrupt.signal,
      onProgress: (event) => reporter.onProgress(event),
      reporter,
    });
  } finally {
    reporter.stop();
    interrupt.dispose();
  }
}
