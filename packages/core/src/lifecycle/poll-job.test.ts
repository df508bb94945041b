import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobRef } from '../contract/job-ref.js';
import type { JobStatus } from '../contract/job-status.js';
import type { ModelInfo } from '../contract/model-info.js';
import type { VideoProvider } from '../contract/video-provider.js';
import type { GenerationRecord } from '../ledger/generation-record.js';
import { LedgerStore } from '../ledger/ledger-store.js';
import type { Logger } from '../log/logger.js';
import type { GenerationSettings } from './generate-video-options.js';
import type { JobRun } from './job-run.js';
import { type PollClock, pollUntilDone } from './poll-job.js';

const quiet = { debug() {}, info() {}, warn() {}, error() {} } as unknown as Logger;

/** A simulated clock: sleeping moves time on at once; random is fixed at a jitter of 0. */
function simulatedClock(start: number): PollClock & { readonly slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    async sleep(ms) {
      slept.push(ms);
      now += ms;
    },
    random: () => 0.5,
  };
}

const model = { id: 'm-1' } as unknown as ModelInfo;
const withPrior = { id: 'm-1', typicalDurationMs: 90_000 } as unknown as ModelInfo;

/** A vendor that finishes `durationMs` after submit and answers with `answer` until then; records each poll's time. */
function vendor(clock: PollClock, durationMs: number, answer: (elapsed: number) => JobStatus, extra = {}) {
  const polls: number[] = [];
  const provider = {
    id: 'sim',
    models: [model],
    ...extra,
    async status(job: JobRef): Promise<JobStatus> {
      const elapsed = clock.now() - Date.parse(job.createdAt);
      polls.push(elapsed);
      return elapsed >= durationMs ? { state: 'succeeded' } : answer(elapsed);
    },
  } as unknown as VideoProvider;
  return { provider, polls };
}

function runOf(provider: VideoProvider, clock: PollClock, settings: GenerationSettings = {}): JobRun {
  return {
    provider,
    model: 'm-1',
    settings: { ledger: false, ...settings },
    context: { signal: new AbortController().signal, logger: quiet, fetch: globalThis.fetch },
    logger: quiet,
    outPath: '/nowhere.mp4',
    journalPath: '/nowhere.mp4.job.json',
    startedAt: clock.now(),
    vendorCall: <T>(call: () => Promise<T>) => call(),
    emit() {},
    clock,
  } as unknown as JobRun;
}

const T0 = Date.parse('2026-06-01T12:00:00Z');
const job = (createdAt = T0): JobRef => ({
  provider: 'sim',
  model: 'm-1',
  id: 'j1',
  createdAt: new Date(createdAt).toISOString(),
});

// The suite's own environment polls on a 10 ms budget; these tests check the 5 s default.
beforeEach(() => {
  vi.stubEnv('VIDEO_GEN_POLL_BUDGET_MS', undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('pollUntilDone on the poll schedule', () => {
  it('makes no request in the first 5 s and notices a progress-reporting job within a second', async () => {
    const clock = simulatedClock(T0);
    const { provider, polls } = vendor(clock, 137_300, (elapsed) => ({
      state: 'running',
      progress: Math.floor((elapsed / 137_300) * 100) / 100,
    }));
    await pollUntilDone(runOf(provider, clock), job(), true);
    expect(polls[0]).toBeGreaterThanOrEqual(5_000);
    polls.forEach((at, k) => {
      expect(at).toBeGreaterThanOrEqual((k + 1) * 5_000);
    });
    expect(polls.at(-1)).toBeLessThanOrEqual(137_300 + 1_500);
    expect(polls.length).toBeLessThanOrEqual(Math.ceil(137_300 / 5_000));
  });

  it('places the polls of a job without progress around the model typicalDurationMs', async () => {
    const clock = simulatedClock(T0);
    const { provider, polls } = vendor(clock, 93_100, () => ({ state: 'running' }), { models: [withPrior] });
    await pollUntilDone(runOf(provider, clock), job(), true);
    // Sparse until 0.75 × 90 s, then dense.
    expect(polls.filter((at) => at < 67_500).length).toBeLessThanOrEqual(5);
    expect(polls.at(-1)).toBeLessThanOrEqual(93_100 + 2_500);
    expect(polls.length).toBeLessThanOrEqual(Math.ceil(93_100 / 5_000));
  });

  it('uses the ledger median of observed durations over the model figure', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-prior-'));
    const store = new LedgerStore(dir);
    for (const [i, ms] of [40_000, 41_000, 200_000].entries()) {
      const created = new Date(T0 - 1_000_000 + i * 1_000).toISOString();
      const record: GenerationRecord = {
        version: 1,
        id: `sim_old-${i}`,
        provider: 'sim',
        model: 'm-1',
        job: { provider: 'sim', model: 'm-1', id: `old-${i}`, createdAt: created },
        status: 'downloaded',
        request: { prompt: 'p', model: 'm-1', width: 640, height: 360, fps: 24, durationSeconds: 4 },
        outPath: '/x.mp4',
        createdAt: created,
        updatedAt: created,
        succeededAt: new Date(Date.parse(created) + ms).toISOString(),
      };
      await store.write(record);
    }
    const clock = simulatedClock(T0);
    const { provider, polls } = vendor(clock, 42_200, () => ({ state: 'running' }), { models: [withPrior] });
    await pollUntilDone(runOf(provider, clock, { ledger: dir }), job(), true);
    // The median (41 s), not the model's 90 s: the polls crowd from about 31 s on.
    expect(polls.filter((at) => at >= 30_000 && at < 42_200).length).toBeGreaterThanOrEqual(4);
    expect(polls.at(-1)).toBeLessThanOrEqual(42_200 + 3_500);
  });

  it('follows the vendor Retry-After, but never faster than the budget', async () => {
    const clock = simulatedClock(T0);
    const { provider, polls } = vendor(clock, 30_000, () => ({ state: 'queued', retryAfterMs: 12_000 }));
    await pollUntilDone(runOf(provider, clock), job(), true);
    // 5 s (budget; the first poll has no hint yet), then the vendor's 12 s each time.
    expect(polls.map((at) => Math.round(at / 1_000))).toEqual([5, 17, 29, 41]);

    const fast = simulatedClock(T0);
    const hasty = vendor(fast, 20_000, () => ({ state: 'queued', retryAfterMs: 100 }));
    await pollUntilDone(runOf(hasty.provider, fast), job(), true);
    expect(hasty.polls.map((at) => Math.round(at / 1_000))).toEqual([5, 10, 15, 20]);
  });

  it('continues the budget of a resumed job from its createdAt', async () => {
    // Submitted 61 s before this process picked it up.
    const clock = simulatedClock(T0 + 61_000);
    const { provider, polls } = vendor(clock, 80_000, () => ({ state: 'queued', retryAfterMs: 0 }));
    await pollUntilDone(runOf(provider, clock), job(), false);
    // The earlier run may have used all 12 requests due by 61 s: the next is number 13, at 65 s.
    expect(polls[0]).toBeGreaterThanOrEqual(65_000);
    expect(polls[0]).toBeLessThanOrEqual(66_000);
    polls.forEach((at, k) => {
      expect(at).toBeGreaterThanOrEqual((13 + k) * 5_000);
    });
  });

  it('counts a job submitted just now from now, whatever the vendor createdAt says (a skewed clock)', async () => {
    const clock = simulatedClock(T0);
    const { provider, polls } = vendor(clock, 31_000, () => ({ state: 'queued', retryAfterMs: 0 }));
    // The vendor's clock is 30 s behind: its createdAt would grant six requests at once.
    await pollUntilDone(runOf(provider, clock), job(T0 - 30_000), true);
    const sinceSubmit = polls.map((at) => at - 30_000);
    expect(sinceSubmit[0]).toBeGreaterThanOrEqual(5_000);
    sinceSubmit.forEach((at, k) => {
      expect(at).toBeGreaterThanOrEqual((k + 1) * 5_000);
    });
  });

  it('lets the provider and the caller set the budget: the local provider polls without one', async () => {
    const clock = simulatedClock(T0);
    const local = vendor(clock, 1_200, () => ({ state: 'running', progress: 0.5, retryAfterMs: 250 }), {
      polling: { budgetIntervalMs: 0, initialIntervalMs: 20 },
    });
    await pollUntilDone(runOf(local.provider, clock), job(), true);
    // The first poll after the provider's shortest wait (20 ms), then every 250 ms as it hints.
    expect(local.polls).toEqual([20, 270, 520, 770, 1_020, 1_270]);
    // Without the provider's shortest wait: core's (1 s).
    const plain = simulatedClock(T0);
    const unhinted = vendor(plain, 1_200, () => ({ state: 'running', progress: 0.5, retryAfterMs: 250 }), {
      polling: { budgetIntervalMs: 0 },
    });
    await pollUntilDone(runOf(unhinted.provider, plain), job(), true);
    expect(unhinted.polls).toEqual([1_000, 1_250]);

    const caller = simulatedClock(T0);
    const slow = vendor(caller, 25_000, () => ({ state: 'queued', retryAfterMs: 0 }), {
      polling: { budgetIntervalMs: 0 },
    });
    await pollUntilDone(runOf(slow.provider, caller, { poll: { budgetIntervalMs: 10_000 } }), job(), true);
    expect(slow.polls.map((at) => Math.round(at / 1_000))).toEqual([10, 20, 30]);
  });

  it('reads VIDEO_GEN_POLL_BUDGET_MS when neither the caller nor the provider sets a budget', async () => {
    vi.stubEnv('VIDEO_GEN_POLL_BUDGET_MS', '2000');
    const clock = simulatedClock(T0);
    const { provider, polls } = vendor(clock, 5_000, () => ({ state: 'queued', retryAfterMs: 0 }));
    await pollUntilDone(runOf(provider, clock), job(), true);
    expect(polls.map((at) => Math.round(at / 1_000))).toEqual([2, 4, 6]);
  });
});
