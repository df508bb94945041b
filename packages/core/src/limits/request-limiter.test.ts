import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimitError } from '../errors/api-request-error.js';
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

  it('lets a `first` caller ahead of the others, behind earlier `first` ones', async () => {
    const limiter = new RequestLimiter({ maxConcurrentRequests: 1 });
    const order: string[] = [];
    let release: () => void = () => {};
    const holder = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const run = (name: string, first?: boolean) =>
      limiter.run(
        async () => {
          order.push(name);
        },
        undefined,
        first === undefined ? undefined : { first },
      );
    const runs = [run('a'), run('b'), run('download 1', true), run('c'), run('download 2', true)];
    await tick();
    release();
    await Promise.all([holder, ...runs]);

    expect(order).toEqual(['download 1', 'download 2', 'a', 'b', 'c']);
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

  describe('after a 429', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    const refused = (retryAfterMs: number) =>
      Promise.reject(new RateLimitError('Too many requests', { retryAfterMs, provider: 'test' }));

    /**
     * Starts `count` calls that record their start time (ms since `t0`) and end when `until`
     * settles (at once without it). Calls still unanswered teach the limiter nothing.
     */
    function queue(
      limiter: RequestLimiter,
      count: number,
      t0: number,
      starts: number[],
      until?: Promise<void>,
    ): Promise<unknown> {
      return Promise.all(
        Array.from({ length: count }, () =>
          limiter.run(async () => {
            starts.push(Date.now() - t0);
            await until;
          }),
        ),
      );
    }

    function held(): { until: Promise<void>; end: () => void } {
      let end: () => void = () => {};
      const until = new Promise<void>((resolve) => (end = resolve));
      return { until, end };
    }

    it('pauses every caller for exactly the Retry-After, then lets them in at the pace the vendor took', async () => {
      vi.useFakeTimers();
      const limiter = new RequestLimiter({ maxConcurrentRequests: 4 });
      // Ten calls accepted, then a 429 asking for 50 ms: ten calls per 50 ms, one every 5 ms.
      await queue(limiter, 10, Date.now(), []);
      const t0 = Date.now();
      await expect(limiter.run(() => refused(50))).rejects.toThrow('Too many requests');
      const starts: number[] = [];
      const hold = held();
      const done = queue(limiter, 4, t0, starts, hold.until);

      await vi.advanceTimersByTimeAsync(49);
      expect(starts).toEqual([]);
      await vi.advanceTimersByTimeAsync(100);
      hold.end();
      await done;

      expect(starts[0]).toBe(50);
      expect(starts).toEqual([50, 55, 60, 65]);
    });

    it('forgets the pace after four Retry-Afters without a 429', async () => {
      vi.useFakeTimers();
      const limiter = new RequestLimiter({ maxConcurrentRequests: 4 });
      await queue(limiter, 10, Date.now(), []);
      await expect(limiter.run(() => refused(50))).rejects.toThrow('Too many requests');
      await vi.advanceTimersByTimeAsync(50 + 4 * 50 + 1);
      const t0 = Date.now();
      const starts: number[] = [];
      const done = queue(limiter, 4, t0, starts);
      await vi.advanceTimersByTimeAsync(1);
      await done;

      expect(starts).toEqual([0, 0, 0, 0]);
    });

    it('learns nothing from the 429s of calls that started before the pause', async () => {
      vi.useFakeTimers();
      const limiter = new RequestLimiter({ maxConcurrentRequests: 8 });
      await queue(limiter, 10, Date.now(), []);
      // Two calls in flight together both get a 429: only the first one sets the pace.
      let refuse: () => void = () => {};
      const gate = new Promise<void>((resolve) => (refuse = resolve));
      const first = limiter.run(() => gate.then(() => refused(50)));
      const second = limiter.run(() => gate.then(() => refused(50)));
      refuse();
      await expect(first).rejects.toThrow();
      await expect(second).rejects.toThrow();
      const t0 = Date.now();
      const starts: number[] = [];
      const hold = held();
      const done = queue(limiter, 3, t0, starts, hold.until);
      await vi.advanceTimersByTimeAsync(100);
      hold.end();
      await done;

      expect(starts).toEqual([50, 55, 60]);
    });
  });
});
