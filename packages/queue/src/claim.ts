import type { Pool } from 'pg';
import type { JobRow } from './job-record.js';
import { SLOT_LOCK } from './schema.js';

/** A claimed row, with the state it was in before this worker took it. */
export type ClaimedRow = JobRow & { previous_state: string };

/**
 * Takes one job whose lease has run out, oldest first: first a job already at the vendor
 * (`submitting`/`submitted`, which already holds its provider's place), else a queued one of a
 * provider under its job limit. A queued job is moved to `submitting` in the same transaction,
 * under one fleet-wide lock held while the provider's jobs are counted, so two workers never both
 * see the last free place: a limit of 2 means 2 jobs between submit and end in the whole fleet.
 */
export async function claimJob(
  pool: Pool,
  workerId: string,
  leaseMs: number,
  jobLimits: Readonly<Record<string, number>>,
): Promise<ClaimedRow | undefined> {
  const resumed = await pool.query<ClaimedRow>(
    `WITH candidate AS (
       SELECT id, state FROM video_gen_jobs
       WHERE state IN ('submitting', 'submitted') AND (lease_until IS NULL OR lease_until < now())
       ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
     UPDATE video_gen_jobs j SET locked_by = $1, lease_until = now() + $2 * interval '1 millisecond',
       attempts = attempts + 1, updated_at = now()
     FROM candidate WHERE j.id = candidate.id RETURNING j.*, candidate.state AS previous_state`,
    [workerId, leaseMs],
  );
  if (resumed.rows[0]) return resumed.rows[0];
  const client = await pool.connect();
  // A connection lost while checked out (a Postgres restart) fails the query below; it must not crash the process.
  const ignore = () => {};
  client.on('error', ignore);
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SLOT_LOCK]);
    const { rows: counts } = await client.query<{ provider: string; n: number }>(
      `SELECT provider, count(*)::int AS n FROM video_gen_jobs WHERE state IN ('submitting', 'submitted') GROUP BY provider`,
    );
    const full = counts
      .filter(({ provider, n }) => jobLimits[provider] !== undefined && n >= (jobLimits[provider] as number))
      .map(({ provider }) => provider);
    const { rows } = await client.query<ClaimedRow>(
      `WITH candidate AS (
         SELECT id, state FROM video_gen_jobs
         WHERE state = 'queued' AND (lease_until IS NULL OR lease_until < now()) AND NOT (provider = ANY($3))
         ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       UPDATE video_gen_jobs j SET state = 'submitting', locked_by = $1,
         lease_until = now() + $2 * interval '1 millisecond', attempts = attempts + 1, updated_at = now()
       FROM candidate WHERE j.id = candidate.id RETURNING j.*, candidate.state AS previous_state`,
      [workerId, leaseMs, full],
    );
    await client.query('COMMIT');
    return rows[0];
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.off('error', ignore);
    client.release();
  }
}
