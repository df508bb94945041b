import { CancelledError, GenerationFailedError, VideoGenError } from '@video-gen/core';
import pg from 'pg';
import type { QueuedJob } from './job-record.js';
import { DONE_CHANNEL } from './schema.js';

/**
 * Waits for a job to end, woken by NOTIFY (never by polling the table): LISTEN first, then read the
 * row, so an end between the two is not missed. A dropped connection (a Postgres restart) is
 * reconnected and the row read again. Returns the output's URI; a failed or cancelled job throws.
 */
export async function waitForResult(
  connectionString: string,
  read: () => Promise<QueuedJob | undefined>,
  id: string,
  signal?: AbortSignal,
): Promise<string> {
  for (;;) {
    signal?.throwIfAborted();
    const client = new pg.Client({ connectionString });
    let wake: () => void = () => {};
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    client.on('notification', (message) => {
      if (message.payload === id) wake();
    });
    client.on('error', () => wake());
    client.on('end', () => wake());
    const onAbort = () => wake();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await client.connect();
      await client.query(`LISTEN ${DONE_CHANNEL}`);
      const job = await read();
      if (!job) throw new VideoGenError(`No queued job ${id}.`, 'queue_job_missing');
      const done = outcome(job);
      if (done !== undefined) return done;
      await woken;
    } catch (error) {
      if (VideoGenError.isInstance(error)) throw error;
      // The database went away: wait a moment and listen again.
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      signal?.removeEventListener('abort', onAbort);
      await client.end().catch(() => {});
    }
  }
}

/** The URI of a job that ended well; throws for one that ended otherwise; `undefined` while it runs. */
function outcome(job: QueuedJob): string | undefined {
  switch (job.state) {
    case 'succeeded':
      return job.outputUri ?? '';
    case 'cancelled':
      throw new CancelledError(`Queued job ${job.id} was cancelled.`, { provider: job.provider });
    case 'failed':
    case 'reconcile':
      throw new GenerationFailedError(
        `Queued job ${job.id} ${job.state === 'failed' ? 'failed' : 'needs reconciling'}: ${job.error?.message ?? 'no detail'}`,
        { code: job.error?.code ?? 'generation_failed', provider: job.provider },
      );
    default:
      return undefined;
  }
}
