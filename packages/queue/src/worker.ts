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
import type { Job } from 'pg-boss';
import { ensureJobQueue, JOB_QUEUE, type JobMessage, startBoss } from './boss.js';
import { commit } from './commit.js';
import { pausedAcrossFleet } from './fleet-pause.js';
import type { VideoStorage } from './folder-storage.js';
import { FINAL_STATES, type JobRow } from './job-record.js';
import { postgresLedger } from './postgres-ledger.js';
import { takeProviderSlot } from './provider-slot.js';
import { rowJournalStore } from './row-journal-store.js';
import { DONE_CHANNEL } from './schema.js';

/**
 * How a worker waits for vendors: core's settings shared by every job it runs. `ledger` is where
 * core records each generation: by default the queue's own Postgres ledger (`video_gen_generations`,
 * shared by the fleet); a folder, or `false` for none.
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
  /** How often an idle worker looks for jobs (pg-boss's polling interval, at least 500 ms; a new job wakes it at once through NOTIFY). Default 500 ms. */
  readonly idleMs?: number;
  /** Folder for videos while they download. Default a folder in the system's temp folder. */
  readonly workDir?: string;
  /** Core's waiting settings for every job. */
  readonly settings?: WorkerSettings;
  /** How many times a job is taken before it fails for good. Default 5. */
  readonly maxAttempts?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a job waits in a worker for its provider's place before it goes back to the queue for a second. */
const SLOT_WAIT_MS = 2_000;

/** Codes that mean the job is over at the vendor (or was refused before it existed). */
function isFinal(error: unknown): error is VideoGenError {
  return VideoGenError.isInstance(error) && !error.retryable && error.code !== 'cancelled';
}

/** Thrown to give a job back to pg-boss, which offers it again a second later. */
class HandBack extends Error {}

/**
 * The worker loop of {@link VideoQueue.work}: pg-boss delivers the jobs (SKIP LOCKED fetches, a
 * heartbeat per job, retries when a worker dies or hands a job back), and each one runs core's
 * lifecycle (`startVideo`, then `finishVideo`) with its journal in the job's row and its ledger
 * in Postgres.
 */
export async function runWorker(
  pool: Pool,
  connectionString: string,
  heartbeatSeconds: number,
  options: WorkOptions,
): Promise<void> {
  const workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const concurrency = options.concurrency ?? 4;
  const workDir = path.resolve(
    options.workDir ?? path.join(os.tmpdir(), 'video-gen-queue', workerId.replace(/[^\w.-]/g, '_')),
  );
  const idempotent = new Set(options.idempotentProviders ?? ['local']);
  const stop = options.signal ?? new AbortController().signal;
  const logger = getLibraryLogger();
  const ledger = postgresLedger(pool);
  await mkdir(workDir, { recursive: true });
  /** A job this worker holds: its abort, whether a cancel stopped it, and when its run has ended. */
  interface Held {
    readonly abort: AbortController;
    cancelled: boolean;
    ended: Promise<void>;
  }
  const inFlight = new Map<string, Held>();

  const end = async (
    id: string,
    state: string,
    fields: { uri?: string; error?: { code: string; message: string } },
  ) => {
    await commit(
      pool,
      `UPDATE video_gen_jobs SET state = $2, output_uri = $3, error = $4, finished_at = now(), updated_at = now(),
         locked_by = NULL WHERE id = $1`,
      [id, state, fields.uri ?? null, fields.error ? JSON.stringify(fields.error) : null],
      stop,
    );
    await commit(pool, 'SELECT pg_notify($1, $2)', [DONE_CHANNEL, id], stop);
  };

  const resolved = new Map<string, Promise<VideoProvider>>();
  const providerFor = (id: string) => {
    let provider = resolved.get(id);
    if (!provider) {
      provider = Promise.resolve(options.providers?.[id] ?? resolveProvider(id)).then((found) =>
        pausedAcrossFleet(pool, found, options.settings?.limits ?? found.limits),
      );
      // A provider that failed to resolve is tried again for the next job.
      provider.catch(() => resolved.delete(id));
      resolved.set(id, provider);
    }
    return provider;
  };

  const cancelAtVendor = async (row: JobRow, journal: Journal | null) => {
    const job = journal?.job;
    if (!job) return;
    const provider = await providerFor(row.provider);
    await provider.cancel?.(job, {
      signal: AbortSignal.timeout(30_000),
      logger,
      fetch: options.settings?.fetch ?? globalThis.fetch,
    });
  };

  /** Waits for the job's provider to have a free place in the fleet; false when the job is no longer queued. */
  const takePlace = async (row: JobRow, signal: AbortSignal): Promise<boolean> => {
    const until = Date.now() + SLOT_WAIT_MS;
    for (;;) {
      const outcome = await takeProviderSlot(
        pool,
        row.id,
        row.provider,
        options.jobLimits?.[row.provider],
        workerId,
      );
      if (outcome !== 'full') return outcome === 'taken';
      // Giving the job back lets this worker's place go to a job already at the vendor.
      if (Date.now() >= until || signal.aborted) throw new HandBack(`no free place for ${row.provider}`);
      await sleep(Math.min(250, options.idleMs ?? 500));
    }
  };

  const run = async (id: string, control: Held) => {
    const [row] = await commit<JobRow>(pool, 'SELECT * FROM video_gen_jobs WHERE id = $1', [id], stop);
    if (!row || FINAL_STATES.includes(row.state)) return;
    if (row.cancel_requested) {
      await cancelAtVendor(row, row.journal);
      await end(row.id, 'cancelled', {});
      return;
    }
    if (row.journal?.state === 'submitting' && !idempotent.has(row.provider)) {
      await end(row.id, 'reconcile', {
        error: {
          code: 'submit_outcome_unknown',
          message: `A worker stopped during the submit and ${row.provider} does not deduplicate by idempotency key (${row.idempotency_key}): check the vendor's job list before submitting again.`,
        },
      });
      return;
    }
    // A queued job first takes its provider's place; one in `submitting`/`submitted` holds it already.
    if (row.state === 'queued' && !(await takePlace(row, control.abort.signal))) return;
    const [counted] = await commit<{ attempts: number }>(
      pool,
      `UPDATE video_gen_jobs SET attempts = attempts + 1, locked_by = $2, updated_at = now() WHERE id = $1 RETURNING attempts`,
      [id, workerId],
      stop,
    );
    const attempts = counted?.attempts ?? row.attempts + 1;
    const outPath = path.join(workDir, `${row.id}.mp4`);
    const settings = {
      ledger,
      ...options.settings,
      provider: await providerFor(row.provider),
      signal: control.abort.signal,
      journalStore: rowJournalStore(pool, row.id, outPath, stop),
      outPath,
      overwrite: true,
    };
    let journal = row.journal;
    try {
      // Submits unless the row's journal already records the job (then it is resumed, never submitted).
      const started = await startVideo({
        ...row.request,
        ...settings,
        idempotencyKey: row.idempotency_key,
      } as Parameters<typeof startVideo>[0]);
      journal = started.journal;
      const result = await finishVideo(journal, settings);
      const uri = await options.storage.put(`${row.id}.mp4`, createReadStream(result.path));
      await end(row.id, 'succeeded', { uri });
      await rm(result.path, { force: true });
    } catch (error) {
      if (control.cancelled) {
        const [latest] = await commit<JobRow>(pool, 'SELECT * FROM video_gen_jobs WHERE id = $1', [id], stop);
        await cancelAtVendor(row, latest?.journal ?? journal).catch((cancelError: unknown) =>
          logger.warn('remote cancel failed', { jobId: row.id, error: String(cancelError) }),
        );
        await end(row.id, 'cancelled', {});
      } else if (control.abort.signal.aborted) {
        throw new HandBack('worker shutting down');
      } else if (isFinal(error) || attempts >= (options.maxAttempts ?? 5)) {
        const code = VideoGenError.isInstance(error) ? error.code : 'worker_error';
        await end(row.id, 'failed', {
          error: { code, message: error instanceof Error ? error.message : String(error) },
        });
      } else {
        logger.warn('queued job failed for now; handing it back', { jobId: row.id, error: String(error) });
        throw new HandBack(String(error));
      }
    }
  };

  const boss = await startBoss(connectionString, {
    supervise: true,
    superviseIntervalSeconds: Math.max(1, Math.floor(heartbeatSeconds / 5)),
    monitorIntervalSeconds: Math.max(1, Math.floor(heartbeatSeconds / 5)),
    useListenNotify: true,
  });
  await ensureJobQueue(boss, { heartbeatSeconds });

  const handle = async ([message]: Job<JobMessage>[]) => {
    if (!message) return;
    const { id } = message.data;
    const control: Held = { abort: new AbortController(), cancelled: false, ended: Promise.resolve() };
    // pg-boss gave the job to another worker (this one's heartbeat did not reach the database).
    const lost = () => control.abort.abort(new Error('the job went to another worker'));
    message.signal.addEventListener('abort', lost, { once: true });
    const promise = run(id, control);
    control.ended = promise.then(
      () => {},
      () => {},
    );
    inFlight.set(id, control);
    try {
      await promise;
    } catch (error) {
      if (!(error instanceof HandBack))
        logger.error('queued job crashed', { jobId: id, error: String(error) });
      throw error;
    } finally {
      message.signal.removeEventListener('abort', lost);
      inFlight.delete(id);
    }
  };

  // A cancel reaches the worker holding the job within a second.
  const cancelWatch = setInterval(() => {
    const ids = [...inFlight.keys()];
    if (ids.length === 0) return;
    pool
      .query<{ id: string }>('SELECT id FROM video_gen_jobs WHERE id = ANY($1) AND cancel_requested', [ids])
      .then(({ rows }) => {
        for (const { id } of rows) {
          const job = inFlight.get(id);
          if (job && !job.cancelled) {
            job.cancelled = true;
            job.abort.abort(new Error('cancelled through the queue'));
          }
        }
      })
      .catch(() => {});
  }, 1_000);

  try {
    if (!stop.aborted) {
      await boss.work<JobMessage>(
        JOB_QUEUE,
        {
          localConcurrency: concurrency,
          batchSize: 1,
          // NOTIFY wakes the worker for a new job; polling finds retries (a job handed back, a dead worker's).
          pollingIntervalSeconds: Math.max(0.5, (options.idleMs ?? 500) / 1000),
          notifyPollingIntervalSeconds: Math.max(0.5, (options.idleMs ?? 500) / 1000),
        },
        handle,
      );
      await new Promise<void>((resolve) => stop.addEventListener('abort', () => resolve(), { once: true }));
    }
    // Graceful shutdown: take no more jobs, let in-flight ones finish for a while, then hand them back.
    await boss.offWork(JOB_QUEUE, { wait: false });
    const all = () => Promise.all([...inFlight.values()].map((job) => job.ended));
    const graceful = await Promise.race([
      all().then(() => true),
      sleep(options.shutdownGraceMs ?? 30_000).then(() => false),
    ]);
    if (!graceful) {
      for (const job of inFlight.values()) job.abort.abort(new Error('worker shutting down'));
      await all();
    }
  } finally {
    clearInterval(cancelWatch);
    await boss.stop({ graceful: true, timeout: 5_000 }).catch(() => {});
  }
}
