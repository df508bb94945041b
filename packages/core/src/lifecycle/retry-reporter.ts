import type { JobRun } from './job-run.js';

/** Logs a retry and reports it through `onProgress`, in the phase it happened in. */
export function retryReporter(
  run: JobRun,
  jobId: string | undefined,
  operation: 'submit' | 'status' | 'download',
) {
  const phase = operation === 'submit' ? 'submitting' : operation === 'status' ? 'running' : 'downloading';
  return ({ attempt, delayMs, error }: { attempt: number; delayMs: number; error: unknown }) => {
    const reason = error instanceof Error ? error.message : String(error);
    run.logger.warn(`${operation} failed; retrying`, {
      provider: run.provider.id,
      jobId,
      attempt,
      delayMs,
      reason,
    });
    run.emit({ phase, ...(jobId === undefined ? {} : { jobId }), retry: { attempt, delayMs, reason } });
  };
}
