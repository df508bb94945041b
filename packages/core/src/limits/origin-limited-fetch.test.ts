import { describe, expect, it } from 'vitest';
import { FairSemaphore } from './fair-semaphore.js';
import { originLimitedFetch } from './origin-limited-fetch.js';

/** A fetch whose responses carry a body that stays open until the test reads or cancels it. */
function recordingFetch() {
  const started: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    started.push(String(input));
    return new Response(new Blob(['video bytes']).stream(), {
      status: 200,
      headers: { 'x-id': String(input) },
    });
  };
  return { fetch, started };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('FairSemaphore', () => {
  it('lets waiters in first come, first served, and drops one whose signal aborts', async () => {
    const semaphore = new FairSemaphore(1);
    const first = await semaphore.acquire();
    const order: string[] = [];
    const controller = new AbortController();
    const b = semaphore.acquire().then((release) => {
      order.push('b');
      return release;
    });
    const aborted = semaphore.acquire(controller.signal).catch((reason: unknown) => reason);
    const c = semaphore.acquire().then((release) => {
      order.push('c');
      return release;
    });
    controller.abort(new Error('gone'));
    expect(await aborted).toMatchObject({ message: 'gone' });
    first();
    (await b)();
    (await c)();
    expect(order).toEqual(['b', 'c']);
    expect(semaphore.holders).toBe(0);
    expect(semaphore.waiting).toBe(0);
  });
});

describe('originLimitedFetch', () => {
  it('holds a slot until the body is read, per scope and origin', async () => {
    const { fetch, started } = recordingFetch();
    const limited = originLimitedFetch(fetch, 'origin-test-body', () => 2);
    const a = await limited('https://cdn.example/a');
    const b = await limited('https://cdn.example/b');
    const c = limited('https://cdn.example/c');
    // Another origin, and the same origin for another provider, have their own slots.
    await limited('https://api.example/x').then((response) => response.text());
    await originLimitedFetch(
      fetch,
      'origin-test-other',
      () => 2,
    )('https://cdn.example/y').then((r) => r.text());
    await tick();
    expect(started).toEqual([
      'https://cdn.example/a',
      'https://cdn.example/b',
      'https://api.example/x',
      'https://cdn.example/y',
    ]);
    expect(await a.text()).toBe('video bytes');
    expect(a.headers.get('x-id')).toBe('https://cdn.example/a');
    expect(await (await c).text()).toBe('video bytes');
    expect(started).toContain('https://cdn.example/c');
    await b.body?.cancel();
    const d = await limited('https://cdn.example/d');
    expect(d.status).toBe(200);
  });

  it('gives the slot back when the request fails, and a waiting request whose signal aborts leaves the queue', async () => {
    let fail = true;
    const { fetch } = recordingFetch();
    const flaky: typeof globalThis.fetch = async (input, init) => {
      if (fail) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const limited = originLimitedFetch(flaky, 'origin-test-fail', () => 1);
    await expect(limited('https://cdn.example/a')).rejects.toThrow('fetch failed');
    fail = false;
    const held = await limited('https://cdn.example/b');
    const controller = new AbortController();
    const waiting = limited('https://cdn.example/c', { signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await held.text();
    expect((await limited('https://cdn.example/d')).status).toBe(200);
  });
});
