import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  finishVideo,
  type GenerationSettings,
  getLibraryLogger,
  type Journal,
  resolveProvider,
  startVideo,
  VideoGenError,
  type VideoProvider,
} from '@video-gen/core';
import type { Pool } from 'pg';
import { type ClaimedRow, claimJob } from './claim.js';
import { pausedAcrossFleet } from './fleet-pause.js';
import type { VideoStorage } from './folder-storage.js';
import { DONE_CHANNEL } from './schema.js';

/**
 * How a worker waits for vendors: core's settings shared by every job it runs. `ledger` is the
 * worker machine's own generation ledger (the queue's row is the fleet's record); `false` for none.
 */
export type WorkerSettings = Pick<
  GenerationSettings,
  | 'retry'
  | 'poll'
  | 'limits'
  | 'fetch'
  | 'allowLoopbackDownloads'
  | 'maxDownloadBytes'
  | 'timeoutMs'
  | 'allowRetiredModels'
  | 'ledger'
>;

/** Options of {@link VideoQueue.work}. */
export interface WorkOptions {
  /** Jobs this worker runs at once. Default 4. */
  readonly concurrency?: number;
  /** Where finished videos go. */
  readonly storage: VideoStorage;
  /** Provider values by id; an id not here is resolved from core's registry (config from the environment). */
  readonly providers?: Readonly<Record<string, VideoProvider>>;
  /** Jobs per provider between submit and end, across every worker of the queue (`{ runway: 2 }`). Give every worker the same. */
  readonly jobLimits?: Readonly<Record<string, number>>;
  /**
   * Providers whose vendor deduplicates a repeated submit by its idempotency key: a job whose
   * submit outcome is unknown (its worker died during the call) is submitted again with the same
   * key. Every other provider's such job goes to `reconcile`, never submitted twice. Default `['local']`.
   */
  readonly idempotentProviders?: readonly string[];
  /** Stops taking jobs; in-flight jobs get `shutdownGraceMs` to finish, then are handed back. */
  readonly signal?: AbortSignal;
  /** Default 30 s. */
  readonly shutdownGraceMs?: number;
  /** How long a job stays with this worker without a heartbeat before another may take it. Default 60 s. */
  readonly leaseMs?: number;
  /** How often an idle worker looks for jobs. Default 500 ms. */
  readonly idleMs?: number;
  /** Folder for videos while they download. Default a folder in the system's temp folder. */
  readonly workDir?: string;
  /** Core's waiting settings for every job. */
  readonly settings?: WorkerSettings;
  /** How many times a job is taken before it fails for good. Default 5. */
  readonly maxAttempts?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Codes that mean the job is over at the vendor (or was refused before it existed). */
function isFinal(error: unknown): error is VideoGenError {
  return VideoGenError.isInstance(error) && !error.retryable && error.code !== 'cancelled';
}

/** Runs an update until the database answers (it may be restarting): losing it would lose a paid job. */
async function commit(pool: Pool, text: string, values: unknown[], giveUp: AbortSignal): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await pool.query(text, values)).rowCount ?? 0;
    } catch (error) {
      if (giveUp.aborted && attempt > 20) throw error;
      await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)));
    }
  }
}

/** The worker loop of {@link VideoQueue.work}. */
export async function runWorker(pool: Pool, options: WorkOptions): Promise<void> {
  const workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const concurrency = options.concurrency ?? 4;
  const leaseMs = options.leaseMs ?? 60_000;
  const workDir = path.resolve(
    options.workDir ?? path.join(os.tmpdir(), 'video-gen-queue', workerId.replace(/[^\w.-]/g, '_')),
  );
  const idempotent = new Set(options.idempotentProviders ?? ['local']);
  const stop = options.signal ?? new AbortController().signal;
  const logger = getLibraryLogger();
  await mkdir(workDir, { recursive: true });
  const inFlight = new Map<string, { promise: Promise<void>; abort: AbortController; cancelled: boolean }>();

  const end = async (
    id: string,
    state: string,
    fields: { uri?: string; error?: { code: string; message: string } },
  ) => {
    await commit(
      pool,
      `UPDATE video_gen_jobs SET state = $2, output_uri = $3, error = $4, finished_at = now(), updated_at = now(),
         locked_by = NULL, lease_until = NULL WHERE id = $1`,
      [id, state, fields.uri ?? null, fields.error ? JSON.stringify(fields.error) : null],
      stop,
    );
    await commit(pool, 'SELECT pg_notify($1, $2)', [DONE_CHANNEL, id], stop);
  };
  const handBack = (id: string, delayMs: number) =>
    commit(
      pool,
      `UPDATE video_gen_jobs SET locked_by = NULL, lease_until = now() + $2 * interval '1 millisecond', updated_at = now()
       WHERE id = $1 AND locked_by = $3`,
      [id, delayMs, workerId],
      stop,
    );

  const resolved = new Map<string, Promise<VideoProvider>>();
  const providerFor = (id: string) => {
    let provider = resolved.get(id);
    if (!provider) {
      provider = Promise.resolve(options.providers?.[id] ?? resolveProvider(id)).then((found) =>
        pausedAcrossFleet(pool, found),
      );
      // A provider that failed to resolve is tried again for the next job.
      provider.catch(() => resolved.delete(id));
      resolved.set(id, provider);
    }
    return provider;
  };

  const cancelAtVendor = async (row: ClaimedRow, journal: Journal | null) => {
    const job = journal?.job;
    if (!job) return;
    const provider = await providerFor(row.provider);
    await provider.cancel?.(job, {
      signal: AbortSignal.timeout(30_000),
      logger,
      fetch: options.settings?.fetch ?? globalThis.fetch,
    });
  };

  const run = async (row: ClaimedRow, control: { abort: AbortController; cancelled: boolean }) => {
    const outPath = path.join(workDir, `${row.id}.mp4`);
    const settings = {
      ...options.settings,
      provider: await providerFor(row.provider),
      signal: control.abort.signal,
    };
    let journal = row.journal;
    try {
      if (row.cancel_requested) {
        await cancelAtVendor(row, journal);
        await end(row.id, 'cancelled', {});
        return;
      }
      if (!journal) {
        if (row.previous_state === 'submitting' && !idempotent.has(row.provider)) {
          await end(row.id, 'reconcile', {
            error: {
              code: 'submit_outcome_unknown',
              message: `A worker stopped during the submit and ${row.provider} does not deduplicate by idempotency key (${row.idempotency_key}): check the vendor's job list before submitting again.`,
            },
          });
          return;
        }
        const started = await startVideo({
          ...row.request,
          ...settings,
          outPath,
          overwrite: true,
          idempotencyKey: row.idempotency_key,
        } as Parameters<typeof startVideo>[0]);
        journal = started.journal;
        // Committed before anything else: from here on every worker resumes this job, never submits it.
        await commit(
          pool,
          `UPDATE video_gen_jobs SET state = 'submitted', journal = $2, job_ref = $3, updated_at = now() WHERE id = $1`,
          [row.id, JSON.stringify(journal), JSON.stringify(started.job)],
          stop,
        );
      }
      const result = await finishVideo(journal, { ...settings, outPath, overwrite: true });
      const uri = await options.storage.put(`${row.id}.mp4`, createReadStream(result.path));
      await end(row.id, 'succeeded', { uri });
      await rm(result.path, { force: true });
    } catch (error) {
      if (control.cancelled) {
        await cancelAtVendor(row, journal).catch((cancelError: unknown) =>
          logger.warn('remote cancel failed', { jobId: row.id, error: String(cancelError) }),
        );
        await end(row.id, 'cancelled', {});
      } else if (control.abort.signal.aborted) {
        await handBack(row.id, 0);
      } else if (isFinal(error) || row.attempts >= (options.maxAttempts ?? 5)) {
        const code = VideoGenError.isInstance(error) ? error.code : 'worker_error';
        await end(row.id, 'failed', {
          error: { code, message: error instanceof Error ? error.message : String(error) },
        });
      } else {
        logger.warn('queued job failed for now; handing it back', { jobId: row.id, error: String(error) });
        await handBack(row.id, Math.min(30_000, 1_000 * 2 ** row.attempts));
      }
    }
  };

  // The heartbeat: leases of this worker's jobs move on, and a cancel reaches the job's worker.
  const heartbeat = setInterval(
    () => {
      const ids = [...inFlight.keys()];
      if (ids.length === 0) return;
      pool
        .query<{ id: string; cancel_requested: boolean }>(
          `UPDATE video_gen_jobs SET lease_until = now() + $3 * interval '1 millisecond'
         WHERE id = ANY($1) AND locked_by = $2 RETURNING id, cancel_requested`,
          [ids, workerId, leaseMs],
        )
        .then(({ rows }) => {
          for (const row of rows) {
            const job = inFlight.get(row.id);
            if (row.cancel_requested && job && !job.cancelled) {
              job.cancelled = true;
              job.abort.abort(new Error('cancelled through the queue'));
            }
          }
        })
        .catch(() => {});
    },
    Math.max(100, Math.floor(leaseMs / 3)),
  );

  try {
    while (!stop.aborted) {
      if (inFlight.size >= concurrency) {
        await Promise.race([
          ...[...inFlight.values()].map((job) => job.promise),
          sleep(options.idleMs ?? 500),
        ]);
        continue;
      }
      let row: ClaimedRow | undefined;
      try {
        row = await claimJob(pool, workerId, leaseMs, options.jobLimits ?? {});
      } catch (error) {
        logger.warn('claiming a job failed; retrying', { error: String(error) });
      }
      if (!row) {
        await sleep(options.idleMs ?? 500);
        continue;
      }
      const control = { abort: new AbortController(), cancelled: false };
      const id = row.id;
      const promise = run(row, control)
        .catch((error: unknown) => logger.error('queued job crashed', { jobId: id, error: String(error) }))
        .finally(() => inFlight.delete(id));
      inFlight.set(id, {
        promise,
        ...control,
        get cancelled() {
          return control.cancelled;
        },
        set cancelled(value) {
          control.cancelled = value;
        },
      });
    }
    // Graceful shutdown: let in-flight jobs finish for a while, then hand them back.
    const all = Promise.all([...inFlight.values()].map((job) => job.promise));
    const graceful = await Promise.race([
      all.then(() => true),
      sleep(options.shutdownGraceMs ?? 30_000).then(() => false),
    ]);
    if (!graceful) {
      for (const job of inFlight.values()) job.abort.abort(new Error('worker shutting down'));
      await all;
    }
  } finally {
    clearInterval(heartbeat);
  }
}
