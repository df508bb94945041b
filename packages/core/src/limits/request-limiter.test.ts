import { describe, expect, it } from 'vitest';
import { type ProviderLimits, RequestLimiter } from './request-limiter.js';

/** Limits whose `maxConcurrentRequests` counts how often it is read: once per look at the limits. */
function countingLimits(max: number): { limits: ProviderLimits; reads: () => number } {
  let reads = 0;
  const limits = {
    get maxConcurrentRequests() {
      reads++;
      return max;
    },
  };
  return { limits, reads: () => reads };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('RequestLimiter', () => {
  it('wakes one waiter per freed slot, not every waiter on every release', async () => {
    const { limits, reads } = countingLimits(2);
    const limiter = new RequestLimiter(limits);
    const calls = 300;
    let inFlight = 0;
    let most = 0;

    await Promise.all(
      Array.from({ length: calls }, () =>
        limiter.run(async () => {
          inFlight++;
          most = Math.max(most, inFlight);
          await tick();
          inFlight--;
        }),
      ),
    );

    expect(most).toBe(2);
    // Waking every waiter on each release would look at the limits about calls²/2 (45,000) times.
    expect(reads()).toBeLessThan(calls * 6);
  });

  it('lets queued callers in first come, first served', async () => {
    const limiter = new RequestLimiter({ maxConcurrentRequests: 1 });
    const order: number[] = [];

    await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        limiter.run(async () => {
          order.push(index);
          await tick();
        }),
      ),
    );

    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a waiter whose signal aborts leaves at once, and its turn passes to the next one', async () => {
    const limiter = new RequestLimiter({ maxConcurrentRequests: 1 });
    let release: () => void = () => {};
    const holder = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const aborted = limiter.run(async () => 'never', controller.signal);
    const next = limiter.run(async () => 'next');

    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    release();
    await holder;
    await expect(next).resolves.toBe('next');
  });

  it('lets more waiters in at once when the limits are raised', async () => {
    const limiter = new RequestLimiter({ maxConcurrentRequests: 1 });
    const started: number[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const runs = Array.from({ length: 3 }, (_, index) =>
      limiter.run(async () => {
        started.push(index);
        await gate;
      }),
    );
    await tick();
    expect(started).toEqual([0]);

    limiter.configure({ maxConcurrentRequests: 3 });
    await tick();

    expect(started).toEqual([0, 1, 2]);
    release();
    await Promise.all(runs);
  });
});
