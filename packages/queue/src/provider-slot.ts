import type { Pool } from 'pg';
import { SLOT_LOCK } from './schema.js';
import { withTransaction } from './transaction.js';

/** What taking a place at the vendor found. */
export type SlotOutcome = 'taken' | 'full' | 'gone';

/**
 * Moves a queued job to `submitting`, which holds one of its provider's places at the vendor: under
 * one fleet-wide lock held while the provider's jobs between submit and end are counted, so two
 * workers never both see the last free place (a limit of 2 means 2 in the whole fleet). `full`:
 * no free place now; `gone`: the job is no longer queued (cancelled, or another worker took it).
 */
export function takeProviderSlot(
  pool: Pool,
  jobId: string,
  provider: string,
  limit: number | undefined,
  workerId: string,
): Promise<SlotOutcome> {
  return withTransaction(pool, async (client) => {
    if (limit !== undefined) {
      await client.query('SELECT pg_advisory_xact_lock($1)', [SLOT_LOCK]);
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM video_gen_jobs WHERE provider = $1 AND state IN ('submitting', 'submitted')`,
        [provider],
      );
      if ((rows[0]?.n ?? 0) >= limit) return 'full';
    }
    const { rowCount } = await client.query(
      `UPDATE video_gen_jobs SET state = 'submitting', locked_by = $2, updated_at = now() WHERE id = $1 AND state = 'queued'`,
      [jobId, workerId],
    );
    return rowCount ? 'taken' : 'gone';
  });
}
