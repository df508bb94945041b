import type { Pool } from 'pg';
import { abortableWait } from './abortable-wait.js';
import { withTransaction } from './transaction.js';

const WINDOW_MS = 60_000;

/**
 * Takes one of a provider's `perMinute` request starts, counted across every worker of the queue:
 * at most `perMinute` vendor calls of the provider start within any 60 s, fleet-wide. The starts
 * are rows of `video_gen_request_starts`, counted and added under a lock per provider, so two
 * workers never both take the last one; when none is free, waits until the oldest leaves the
 * window. Times are the database's clock. A database that does not answer does not hold the call up.
 */
export async function takeRequestStart(
  pool: Pool,
  provider: string,
  perMinute: number,
  signal: AbortSignal,
): Promise<void> {
  for (;;) {
    signal.throwIfAborted();
    let waitMs: number | undefined;
    try {
      waitMs = await withTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`video-gen-rate:${provider}`]);
        await client.query(
          `DELETE FROM video_gen_request_starts WHERE provider = $1 AND at < now() - $2 * interval '1 millisecond'`,
          [provider, WINDOW_MS],
        );
        const { rows } = await client.query<{ n: number; oldest_ms: number | null }>(
          `SELECT count(*)::int AS n,
             extract(epoch FROM (min(at) + $2 * interval '1 millisecond' - now())) * 1000 AS oldest_ms
           FROM video_gen_request_starts WHERE provider = $1`,
          [provider, WINDOW_MS],
        );
        const { n = 0, oldest_ms = 0 } = rows[0] ?? {};
        if (n >= perMinute) return Math.max(10, Math.ceil(Number(oldest_ms ?? 0)));
        await client.query('INSERT INTO video_gen_request_starts (provider, at) VALUES ($1, now())', [
          provider,
        ]);
        return undefined;
      });
    } catch {
      return;
    }
    if (waitMs === undefined) return;
    await abortableWait(waitMs, signal);
  }
}
