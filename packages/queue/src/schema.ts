import type { Pool } from 'pg';
import { withTransaction } from './transaction.js';

/** Serializes migrations of concurrent workers: `CREATE … IF NOT EXISTS` alone can race. */
const MIGRATION_LOCK = 0x76_67_71_01;

/**
 * The job records (one row per job: its request, state, journal, job reference and output), the
 * fleet's generation ledger and the providers' pauses. pg-boss keeps its own tables in `pgboss`.
 */
const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS video_gen_jobs (
    id text PRIMARY KEY,
    key text NOT NULL UNIQUE,
    provider text NOT NULL,
    request jsonb NOT NULL,
    state text NOT NULL DEFAULT 'queued',
    idempotency_key text NOT NULL,
    journal jsonb,
    job_ref jsonb,
    attempts integer NOT NULL DEFAULT 0,
    output_uri text,
    error jsonb,
    cancel_requested boolean NOT NULL DEFAULT false,
    locked_by text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
  )`,
  `CREATE INDEX IF NOT EXISTS video_gen_jobs_open ON video_gen_jobs (created_at)
    WHERE state IN ('queued', 'submitting', 'submitted')`,
  `CREATE INDEX IF NOT EXISTS video_gen_jobs_state ON video_gen_jobs (state, created_at)`,
  `CREATE TABLE IF NOT EXISTS video_gen_generations (
    id text PRIMARY KEY,
    record jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE IF NOT EXISTS video_gen_request_starts (
    provider text NOT NULL,
    at timestamptz NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS video_gen_request_starts_at ON video_gen_request_starts (provider, at)`,
  `CREATE TABLE IF NOT EXISTS video_gen_pauses (
    provider text PRIMARY KEY,
    until timestamptz NOT NULL
  )`,
];

/** Creates the tables when missing; safe to run from any number of workers at once. */
export function migrate(pool: Pool): Promise<void> {
  return withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    for (const statement of STATEMENTS) await client.query(statement);
  });
}

/** The lock every claim of a queued job takes, so a provider's job count is read and raised by one worker at a time. */
export const SLOT_LOCK = 0x76_67_71_02;

/** The channel a job's end is announced on (payload: its id). */
export const DONE_CHANNEL = 'video_gen_job_done';
