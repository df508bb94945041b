import { describe, expect, it } from 'vitest';
import { START_SLOTS, takeStartSlot } from './start-slots.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('takeStartSlot', () => {
  it('lets START_SLOTS generations prepare at once, the next one when a slot is given back', async () => {
    const releases = await Promise.all(Array.from({ length: START_SLOTS }, () => takeStartSlot()));
    let entered = false;
    const next = takeStartSlot().then((release) => {
      entered = true;
      return release;
    });
    await tick();
    expect(entered).toBe(false);

    releases[0]?.();
    // Giving a slot back twice frees only one.
    releases[0]?.();
    const last = await next;
    expect(entered).toBe(true);
    for (const release of [...releases.slice(1), last]) release();
  });

  it('a waiter whose signal aborts leaves the line', async () => {
    const releases = await Promise.all(Array.from({ length: START_SLOTS }, () => takeStartSlot()));
    const controller = new AbortController();
    const waiting = takeStartSlot(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    for (const release of releases) release();
  });
});
