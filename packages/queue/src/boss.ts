import { getLibraryLogger } from '@video-gen/core';
import type { PoolClient } from 'pg';
import { type ConstructorOptions, type Db, PgBoss } from 'pg-boss';

/** The pg-boss queue every video job is delivered through (one pg-boss job per queued video job, same id). */
export const JOB_QUEUE = 'video-gen';

/** What a pg-boss job of {@link JOB_QUEUE} carries: the id of its `video_gen_jobs` row. */
export interface JobMessage {
  readonly id: string;
}

/**
 * Starts pg-boss on the database (installing or migrating its `pgboss` schema when needed; pg-boss
 * serializes that across processes). A failure of its background work is logged, never thrown:
 * a Postgres restart must not crash a worker.
 */
export async function startBoss(connectionString: string, options: Partial<ConstructorOptions> = {}) {
  const boss = new PgBoss({
    connectionString,
    max: 4,
    schedule: false,
    supervise: false,
    registerInstance: false,
    ...options,
  });
  const logger = getLibraryLogger();
  boss.on('error', (error) => logger.warn('pg-boss reported an error', { error: String(error) }));
  await boss.start();
  return boss;
}

/** How the video job queue retries and notices a dead worker. */
export interface JobQueuePolicy {
  /** A worker that sends no heartbeat for this long is taken as dead: its job goes to another worker. */
  readonly heartbeatSeconds: number;
}

/**
 * Creates the pg-boss queue when missing. Retries are pg-boss's (1 s apart, a limit high enough
 * that pg-boss never gives a job up: the worker decides when a job has failed, from its own
 * attempt count); a job runs for at most 24 hours (pg-boss's largest expiry) between heartbeats
 * that a live worker sends every `heartbeatSeconds / 2`.
 */
export async function ensureJobQueue(boss: PgBoss, policy: JobQueuePolicy): Promise<void> {
  if (await boss.getQueue(JOB_QUEUE)) return;
  try {
    await boss.createQueue(JOB_QUEUE, {
      policy: 'standard',
      retryLimit: 100_000,
      retryDelay: 1,
      retryBackoff: false,
      expireInSeconds: 24 * 60 * 60,
      heartbeatSeconds: policy.heartbeatSeconds,
      deleteAfterSeconds: 7 * 24 * 60 * 60,
      notify: true,
    });
  } catch (error) {
    // Another process created it meanwhile.
    if (!(await boss.getQueue(JOB_QUEUE))) throw error;
  }
}

/** A checked-out client as pg-boss's database, so a pg-boss call joins the client's transaction. */
export function inTransaction(client: PoolClient): Db {
  return { executeSql: (text, values) => client.query(text, values as unknown[]) };
}
