import { RateLimitError, type VideoProvider } from '@video-gen/core';
import type { Pool } from 'pg';
import { abortableWait } from './abortable-wait.js';
import { takeRequestStart } from './fleet-rate.js';

/** The pause after a 429 that named no Retry-After. */
const DEFAULT_PAUSE_MS = 5_000;

/**
 * The provider with a pause shared by every worker of the queue: a 429 seen by any worker records
 * "paused until now + Retry-After" for the provider in Postgres (the later of two pauses wins), and
 * every vendor call of every worker first waits out that pause. With `requestsPerMinute` in the
 * limits (the worker's, else the provider's), each call then takes one of the provider's request
 * starts of the minute, counted across the fleet. Times are the database's clock, so machines whose
 * clocks differ agree. A database that does not answer does not hold up the vendor.
 */
export function pausedAcrossFleet(
  pool: Pool,
  provider: VideoProvider,
  limits: VideoProvider['limits'] = provider.limits,
): VideoProvider {
  const perMinute = limits?.requestsPerMinute;
  const waitOut = async (signal: AbortSignal) => {
    const { rows } = await pool
      .query<{ ms: number }>(
        `SELECT ceil(extract(epoch FROM (until - now())) * 1000)::float8 AS ms FROM video_gen_pauses WHERE provider = $1`,
        [provider.id],
      )
      .catch(() => ({ rows: [] as { ms: number }[] }));
    const ms = rows[0]?.ms ?? 0;
    if (ms > 0) await abortableWait(ms, signal);
  };
  const note = (error: unknown) => {
    if (!RateLimitError.isInstance(error)) return Promise.resolve();
    return pool
      .query(
        `INSERT INTO video_gen_pauses (provider, until) VALUES ($1, now() + $2 * interval '1 millisecond')
         ON CONFLICT (provider) DO UPDATE SET until = GREATEST(video_gen_pauses.until, EXCLUDED.until)`,
        [provider.id, error.retryAfterMs ?? DEFAULT_PAUSE_MS],
      )
      .then(
        () => {},
        () => {},
      );
  };
  const call = async <T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> => {
    await waitOut(signal);
    if (perMinute !== undefined) await takeRequestStart(pool, provider.id, perMinute, signal);
    try {
      return await work();
    } catch (error) {
      await note(error);
      throw error;
    }
  };
  const wrapped: Partial<VideoProvider> = {
    submit: (request, ctx) => call(ctx.signal, () => provider.submit(request, ctx)),
    status: (job, ctx) => call(ctx.signal, () => provider.status(job, ctx)),
    download: (job, ctx) => call(ctx.signal, () => provider.download(job, ctx)),
  };
  if (provider.cancel) {
    const cancel = provider.cancel.bind(provider);
    wrapped.cancel = (job, ctx) => call(ctx.signal, () => cancel(job, ctx));
  }
  // Everything else (id, models, limits, release, …) is the provider's own, getters and methods included.
  return Object.assign(Object.create(provider) as VideoProvider, wrapped);
}
