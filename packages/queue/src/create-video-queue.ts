import { randomUUID } from 'node:crypto';
import { ValidationError } from '@video-gen/core';
import pg from 'pg';
import { ensureJobQueue, inTransaction, JOB_QUEUE, startBoss } from './boss.js';
import { type EmbeddedOptions, startEmbedded } from './embedded.js';
import {
  FINAL_STATES,
  type JobRow,
  type QueuedJob,
  type QueuedJobState,
  type QueuedRequest,
  toQueuedJob,
} from './job-record.js';
import { DONE_CHANNEL, migrate } from './schema.js';
import { withTransaction } from './transaction.js';
import { checkQueuedRequest } from './validate-request.js';
import { waitForResult } from './wait-result.js';
import { runWorker, type WorkOptions } from './worker.js';

/** Where the queue keeps its jobs: any Postgres 12+, or an embedded one. */
export type VideoQueueOptions = (
  | { readonly connectionString: string; readonly embedded?: undefined }
  | { readonly embedded: EmbeddedOptions; readonly connectionString?: undefined }
) & {
  /**
   * How long a worker holding a job may go without a heartbeat before the job goes to another
   * worker, in seconds (pg-boss's `heartbeatSeconds`; at least 10). Live workers beat every half of
   * it. Applies to the jobs this queue value enqueues. Default 10.
   */
  readonly heartbeatSeconds?: number;
};

/** What {@link VideoQueue.enqueue} answers: the job, and whether this call created it. */
export interface EnqueueResult {
  readonly id: string;
  readonly state: QueuedJobState;
  /** False when a job with this key already existed: nothing new was queued. */
  readonly created: boolean;
}

/** A durable video job queue on Postgres, shared by every worker that connects to it. */
export interface VideoQueue {
  /** The database's URL (for an embedded database: where other processes connect). */
  readonly connectionString: string;
  /** Queues a request once per `key`: the same key again answers with the first job's id and state. */
  enqueue(request: QueuedRequest, options: { readonly key: string }): Promise<EnqueueResult>;
  /** A job by id or by key; `undefined` when there is none. */
  get(idOrKey: string): Promise<QueuedJob | undefined>;
  /** Jobs, newest first, by state and creation time. */
  list(filter?: {
    readonly status?: QueuedJobState | readonly QueuedJobState[];
    readonly since?: Date;
    readonly limit?: number;
  }): Promise<QueuedJob[]>;
  /**
   * Cancels a job: a queued one at once; one in flight is cancelled at the vendor (where the vendor
   * has a cancel) by the worker holding it, or by the next one that takes it. Returns its state now.
   */
  cancel(id: string): Promise<QueuedJobState | undefined>;
  /** Waits for the job to end (LISTEN/NOTIFY) and returns the finished video's URI; throws if it failed or was cancelled. */
  result(id: string, options?: { readonly signal?: AbortSignal }): Promise<string>;
  /** Runs a worker until `signal` aborts, then hands back or finishes its jobs. */
  work(options: WorkOptions): Promise<void>;
  /** Closes the connections (and stops an embedded database). */
  close(): Promise<void>;
}

/**
 * Opens a video queue: connects (starting an embedded Postgres first when asked), creates its
 * table when missing, and returns the queue.
 *
 * @example
 * ```ts
 * import { createVideoQueue, folderStorage } from '@video-gen/queue';
 *
 * const queue = await createVideoQueue({ embedded: { dataDir: '.video-gen/db' } });
 * const { id } = await queue.enqueue({ provider: 'local', prompt: 'Waves' }, { key: 'waves-1' });
 * void queue.work({ concurrency: 4, storage: folderStorage('videos') });
 * console.log(await queue.result(id));
 * ```
 */
export async function createVideoQueue(options: VideoQueueOptions): Promise<VideoQueue> {
  if (typeof options?.connectionString !== 'string' && typeof options?.embedded?.dataDir !== 'string') {
    throw new ValidationError('createVideoQueue() needs a connectionString or embedded: { dataDir }.', {
      code: 'invalid_options',
      issues: [{ field: 'connectionString', message: 'a postgres:// URL, or give embedded: { dataDir }' }],
    });
  }
  const embedded = options.embedded ? await startEmbedded(options.embedded) : undefined;
  const connectionString = embedded?.connectionString ?? (options.connectionString as string);
  const heartbeatSeconds = Math.max(10, Math.ceil(options.heartbeatSeconds ?? 10));
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client losing its connection (a Postgres restart) must not crash the process.
  pool.on('error', () => {});
  let boss: Awaited<ReturnType<typeof startBoss>>;
  try {
    await migrate(pool);
    // The queue's delivery: pg-boss, in its own `pgboss` schema of the same database.
    boss = await startBoss(connectionString);
    await ensureJobQueue(boss, { heartbeatSeconds });
  } catch (error) {
    await pool.end().catch(() => {});
    await embedded?.stop();
    throw error;
  }
  const get = async (idOrKey: string) => {
    const { rows } = await pool.query<JobRow>(
      'SELECT * FROM video_gen_jobs WHERE id = $1 OR key = $1 LIMIT 1',
      [idOrKey],
    );
    return rows[0] ? toQueuedJob(rows[0]) : undefined;
  };
  return {
    connectionString,
    async enqueue(request, { key } = {} as { key: string }) {
      const checked = checkQueuedRequest(request, key);
      const id = randomUUID();
      return withTransaction(pool, async (client) => {
        // One statement: the row exists once, whoever asks first; the loser reads the winner's row.
        const { rows } = await client.query<{ id: string; state: QueuedJobState; created: boolean }>(
          `WITH inserted AS (
             INSERT INTO video_gen_jobs (id, key, provider, request, idempotency_key)
             VALUES ($1, $2, $3, $4, $1) ON CONFLICT (key) DO NOTHING RETURNING id, state)
           SELECT id, state, true AS created FROM inserted
           UNION ALL SELECT id, state, false FROM video_gen_jobs WHERE key = $2 AND NOT EXISTS (SELECT 1 FROM inserted)`,
          [id, key, checked.provider, JSON.stringify(checked)],
        );
        const row = rows[0];
        if (!row) throw new Error(`enqueue of key ${key} found no row`);
        // The pg-boss job (same id) commits with the row, or neither does.
        if (row.created) {
          await boss.send(JOB_QUEUE, { id }, { id, heartbeatSeconds, db: inTransaction(client) });
        }
        return { id: row.id, state: row.state, created: row.created };
      });
    },
    get,
    async list(filter = {}) {
      const states = filter.status === undefined ? null : ([] as QueuedJobState[]).concat(filter.status);
      const { rows } = await pool.query<JobRow>(
        `SELECT * FROM video_gen_jobs WHERE ($1::text[] IS NULL OR state = ANY($1)) AND ($2::timestamptz IS NULL OR created_at >= $2)
         ORDER BY created_at DESC LIMIT $3`,
        [states, filter.since ?? null, filter.limit ?? 1000],
      );
      return rows.map(toQueuedJob);
    },
    async cancel(id) {
      const { rows } = await pool.query<{ state: QueuedJobState }>(
        `UPDATE video_gen_jobs SET cancel_requested = true, updated_at = now(),
           state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END,
           finished_at = CASE WHEN state = 'queued' THEN now() ELSE finished_at END
         WHERE id = $1 AND NOT (state = ANY($2)) RETURNING state`,
        [id, FINAL_STATES],
      );
      if (rows[0]?.state === 'cancelled') {
        // Not delivered any more (a worker that already took it sees the row's state and stops).
        await boss.cancel(JOB_QUEUE, id).catch(() => {});
        await pool.query('SELECT pg_notify($1, $2)', [DONE_CHANNEL, id]);
      }
      return rows[0]?.state ?? (await get(id))?.state;
    },
    result: (id, { signal } = {}) => waitForResult(connectionString, () => get(id), id, signal),
    work: (workOptions) => runWorker(pool, connectionString, heartbeatSeconds, workOptions),
    async close() {
      await boss.stop({ graceful: false, timeout: 1_000 }).catch(() => {});
      await pool.end().catch(() => {});
      await embedded?.stop();
    },
  };
}
