import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateVideo, type JobStatus, RateLimitError, type VideoProvider } from '../src/index.js';
import { fakeModels } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

/**
 * A vendor that answers 429 (Retry-After 50 ms) when more than `maxInFlight` calls are in flight
 * or more than `perWindow` calls started in the last 100 ms.
 */
function rateLimitedVendor(limits: { maxInFlight: number; perWindow: number }, providerId: string) {
  const video = readFileSync(tinyMp4());
  const stats = { calls: 0, rejected: 0, submits: 0 };
  let inFlight = 0;
  const recent: number[] = [];
  const polls = new Map<string, number>();
  const gate = async <T>(work: () => T): Promise<T> => {
    stats.calls++;
    const now = Date.now();
    while (recent.length > 0 && recent[0]! < now - 100) recent.shift();
    if (inFlight >= limits.maxInFlight || recent.length >= limits.perWindow) {
      stats.rejected++;
      throw new RateLimitError('Too many requests', { retryAfterMs: 50, provider: providerId });
    }
    recent.push(now);
    inFlight++;
    try {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return work();
    } finally {
      inFlight--;
    }
  };
  const provider: VideoProvider = {
    id: providerId,
    models: fakeModels,
    submit: (request) =>
      gate(() => {
        stats.submits++;
        const id = request.idempotencyKey;
        polls.set(id, 0);
        return { provider: providerId, model: request.model.id, id, createdAt: new Date().toISOString() };
      }),
    status: (job) =>
      gate((): JobStatus => {
        const count = (polls.get(job.id) ?? 0) + 1;
        polls.set(job.id, count);
        return count < 2 ? { state: 'running', retryAfterMs: 10 } : { state: 'succeeded' };
      }),
    download: () =>
      gate(() => ({ type: 'stream' as const, body: new Blob([video]).stream(), size: video.length })),
  };
  return { provider, stats };
}

const settings = {
  poll: { initialIntervalMs: 10 },
  retry: { minDelayMs: 20, maxDelayMs: 200, retries: 3 },
  ledger: false as const,
};

describe('200 concurrent generations against a rate-limited vendor', () => {
  it('with limits matching the vendor, none is refused and all 200 finish', async () => {
    const dir = tempDir();
    const { provider, stats } = rateLimitedVendor({ maxInFlight: 10, perWindow: 1_000 }, 'load-a');
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        generateVideo({
          ...settings,
          provider,
          prompt: `clip ${i}`,
          outPath: path.join(dir, `${i}.mp4`),
          limits: { maxConcurrentRequests: 10 },
        }),
      ),
    );
    expect(results).toHaveLength(200);
    expect(stats.submits).toBe(200);
    expect(stats.rejected).toBe(0);
  });

  it('without known limits, 429s pause every caller so none turns into a failure', async () => {
    const dir = tempDir();
    const { provider, stats } = rateLimitedVendor({ maxInFlight: 1_000, perWindow: 40 }, 'load-b');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        generateVideo({ ...settings, provider, prompt: `clip ${i}`, outPath: path.join(dir, `${i}.mp4`) }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect(stats.submits).toBe(200);
    expect(stats.rejected).toBeGreaterThan(0);
  });
});
