import type { Pool } from 'pg';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a statement until the database answers (it may be restarting): losing a write that records
 * a paid job would lose the job. Gives up only once `giveUp` has aborted and 20 attempts failed.
 * Returns the rows the statement returned.
 */
export async function commit<Row extends object = Record<string, unknown>>(
  pool: Pool,
  text: string,
  values: unknown[],
  giveUp: AbortSignal,
): Promise<Row[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await pool.query<Row>(text, values)).rows;
    } catch (error) {
      if (giveUp.aborted && attempt > 20) throw error;
      await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)));
    }
  }
}
