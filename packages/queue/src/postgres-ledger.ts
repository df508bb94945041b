import type { GenerationRecord, GenerationStore } from '@video-gen/core';
import type { Pool } from 'pg';

/**
 * The generation ledger in Postgres (`video_gen_generations`, one row per generation), shared by
 * every worker: what core records of each job (its request, job reference, status, usage, cost)
 * and what the poll schedule learns each model's usual duration from.
 */
export function postgresLedger(pool: Pool): GenerationStore {
  return {
    async read(id) {
      const { rows } = await pool.query<{ record: GenerationRecord }>(
        'SELECT record FROM video_gen_generations WHERE id = $1',
        [id],
      );
      return rows[0]?.record;
    },
    async write(record) {
      await pool.query(
        `INSERT INTO video_gen_generations (id, record, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, updated_at = now()`,
        [record.id, JSON.stringify(record)],
      );
    },
    async all() {
      const { rows } = await pool.query<{ record: GenerationRecord }>(
        'SELECT record FROM video_gen_generations ORDER BY updated_at DESC LIMIT 10000',
      );
      return rows.map((row) => row.record);
    },
  };
}
