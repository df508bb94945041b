import { describe, expect, it } from 'vitest';
import { createPollSchedule, type PollScheduleSettings, predictedFinish } from './poll-schedule.js';

const B = 5_000;

/** A seeded random in [0, 1) (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const settings = (over: Partial<PollScheduleSettings> = {}): PollScheduleSettings => ({
  startMs: 0,
  budgetIntervalMs: B,
  minWaitMs: 1_000,
  maxWaitMs: 15_000,
  spent: 0,
  random: seeded(1),
  ...over,
});

type Curve = (t: number, duration: number) => number | undefined;
const curves: Record<string, Curve> = {
  linear: (t, d) => t / d,
  queuedFirst: (t, d) => (t < 0.3 * d ? undefined : (t - 0.3 * d) / (0.7 * d)),
  slowStart: (t, d) => (t / d) ** 2,
  stalledAt99: (t, d) => Math.min(0.99, t / (0.8 * d)),
  noProgress: () => undefined,
  erratic: (t, d) => Math.min(0.99, (t / d) * (0.5 + Math.abs(Math.sin(t / 7_000)))),
};

/** Runs one simulated job; returns each request's time and when the finish was noticed. */
function simulate(curve: Curve, duration: number, over: Partial<PollScheduleSettings> = {}) {
  const schedule = createPollSchedule(settings(over));
  const requests: number[] = [];
  let now = over.startMs ?? 0;
  now += schedule.next(now);
  for (;;) {
    requests.push(now);
    if (now >= duration) return { requests, noticedAt: now };
    const p = curve(now, duration);
    now += schedule.next(now, { at: now, progress: p === undefined ? undefined : Math.floor(p * 100) / 100 });
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;

describe('poll schedule: the request budget', () => {
  it('never sends more requests than a fixed poller at the budget interval, and none in the first interval, for any curve', () => {
    const random = seeded(42);
    for (let i = 0; i < 3_000; i++) {
      const names = Object.keys(curves);
      const curve = curves[names[Math.floor(random() * names.length)] as string] as Curve;
      const duration = 1_000 + random() * 400_000;
      const prior = random() < 0.5 ? duration * Math.exp((random() * 2 - 1) * 0.8) : undefined;
      const { requests } = simulate(curve, duration, { priorMs: prior, random: seeded(i + 1) });
      // A fixed poller (a request every B from submit) notices at the first multiple of B from the finish on.
      const fixed = Math.ceil(duration / B);
      expect(requests.length).toBeLessThanOrEqual(Math.max(1, fixed));
      expect(requests[0]).toBeGreaterThanOrEqual(B);
      requests.forEach((at, k) => {
        expect(at).toBeGreaterThanOrEqual((k + 1) * B);
      });
    }
  });

  it('holds against a vendor Retry-After shorter than the budget', () => {
    const schedule = createPollSchedule(settings());
    let now = schedule.next(0);
    for (let k = 1; k <= 20; k++) {
      expect(now).toBeGreaterThanOrEqual(k * B);
      now += schedule.next(now, { at: now }, 100);
    }
  });

  it('continues a resumed job budget from submit instead of starting it again', () => {
    // Submitted 62 s ago; the earlier run may have spent the 12 requests its budget allowed.
    const schedule = createPollSchedule(settings({ startMs: -62_000, spent: 12 }));
    const wait = schedule.next(0, undefined, 0);
    expect(wait).toBeGreaterThanOrEqual(3_000);
    expect(wait).toBeLessThan(3_000 + 0.1 * 1_000 + 1);
  });

  it('has no budget at 0: the vendor hint alone sets the pace', () => {
    const schedule = createPollSchedule(settings({ budgetIntervalMs: 0 }));
    expect(schedule.next(0, undefined, 250)).toBe(250);
    expect(schedule.next(250, { at: 250, progress: 0.5 }, 250)).toBe(250);
  });
});

describe('poll schedule: placement', () => {
  it('notices jobs that report progress within a second (median), on every curve', () => {
    const random = seeded(7);
    for (const name of ['linear', 'queuedFirst', 'slowStart', 'stalledAt99']) {
      const lags: number[] = [];
      for (let i = 0; i < 200; i++) {
        const duration = 30_000 + random() * 270_000;
        const { noticedAt } = simulate(curves[name] as Curve, duration, { random: seeded(i + 1) });
        lags.push(noticedAt - duration);
      }
      expect(median(lags), name).toBeLessThanOrEqual(1_000);
    }
  });

  it('aims the next poll just past the finish the progress predicts', () => {
    // random 0.5 is a jitter of 0; no budget, so only the placement shows.
    const near = createPollSchedule(settings({ random: () => 0.5, budgetIntervalMs: 0 }));
    expect(near.next(0)).toBe(1_000);
    // Half done after 1 s: the finish is 1 s away, aimed at directly, 150 ms past it.
    expect(near.next(1_000, { at: 1_000, progress: 0.5 })).toBe(1_150);
    const far = createPollSchedule(settings({ random: () => 0.5, budgetIntervalMs: 0 }));
    far.next(0);
    // A tenth done after 1 s: 9 s to go, approached in a step (each answer sharpens the prediction).
    expect(far.next(1_000, { at: 1_000, progress: 0.1 })).toBeCloseTo(5_400, 6);
    // Past the predicted finish with the budget on: no sooner than the budget allows.
    const late = createPollSchedule(settings({ random: () => 0.5 }));
    const first = late.next(0);
    expect(first).toBeGreaterThanOrEqual(B);
    expect(late.next(first, { at: first, progress: 0.99 })).toBeGreaterThanOrEqual(B - first + B);
  });

  it('predicts from the faster of the first-to-latest and latest-interval rates', () => {
    // Slow start: 0.01 at 10 s, 0.04 at 20 s, 0.36 at 60 s; the latest interval is faster.
    const samples = [
      { at: 10_000, progress: 0.01 },
      { at: 20_000, progress: 0.04 },
      { at: 60_000, progress: 0.36 },
    ];
    const latestRate = 0.32 / 40_000;
    expect(predictedFinish(samples, 0)).toBeCloseTo(60_000 + 0.64 / latestRate, 0);
    // Linear with a queue: the first sample starts the rate, not the submit.
    const queued = [
      { at: 30_000, progress: undefined },
      { at: 40_000, progress: 0.1 },
      { at: 50_000, progress: 0.2 },
    ];
    expect(predictedFinish(queued, 0)).toBeCloseTo(130_000, 0);
    expect(predictedFinish([{ at: 5_000, progress: undefined }], 0)).toBeUndefined();
    expect(predictedFinish([{ at: 5_000, progress: 1 }], 0)).toBe(5_000);
  });

  it('without progress, crowds the polls around the prior and notices within 2 s (median)', () => {
    const random = seeded(9);
    const lags: number[] = [];
    for (let i = 0; i < 300; i++) {
      const prior = 30_000 + random() * 270_000;
      // The job takes about what the model usually takes (±25 %).
      const duration = prior * Math.exp((random() * 2 - 1) * 0.25);
      const { noticedAt, requests } = simulate(curves.noProgress as Curve, duration, {
        priorMs: prior,
        random: seeded(i + 1),
      });
      lags.push(noticedAt - duration);
      // Sparse before the window: no poll closer than the longest wait allows, until 0.75 × prior.
      const early = requests.filter((at) => at < 0.75 * prior - 15_000);
      expect(early.length).toBeLessThanOrEqual(Math.ceil((0.75 * prior) / 13_500));
    }
    expect(median(lags)).toBeLessThanOrEqual(2_000);
  });

  it('without progress or prior, polls at the budget pace', () => {
    const { requests } = simulate(curves.noProgress as Curve, 60_200);
    expect(requests.length).toBe(13);
  });
});

describe('poll schedule: jitter and Retry-After', () => {
  it('spreads jobs submitted together by up to ±10 %', () => {
    const waits: number[] = [];
    for (let i = 0; i < 200; i++) {
      const schedule = createPollSchedule(settings({ random: seeded(i + 1), budgetIntervalMs: 0 }));
      waits.push(schedule.next(0, { at: 0, progress: 0 }));
    }
    // No progress and no budget: the shortest wait, 1 s, jittered.
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(900);
    expect(Math.max(...waits)).toBeLessThanOrEqual(1_100);
    expect(Math.max(...waits) - Math.min(...waits)).toBeGreaterThan(150);
    expect(new Set(waits.map((wait) => Math.round(wait))).size).toBeGreaterThan(100);
  });

  it('takes the vendor Retry-After over its own wait, longer or shorter', () => {
    const schedule = createPollSchedule(settings());
    let now = schedule.next(0);
    // Its own wait would aim at 100 s; the vendor says 20 s.
    expect(schedule.next(now, { at: now, progress: 0.05 }, 20_000)).toBe(20_000);
    now += 20_000;
    expect(schedule.next(now, { at: now, progress: 0.25 }, 7_000)).toBe(7_000);
  });
});
