import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { type ModelPrice, ValidationError, type VideoProvider } from '@video-gen/core';
import { createLocal } from '@video-gen/provider-local';
import { countingProvider } from '@video-gen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/media-helpers.js';
import { generateSequence } from './generate-sequence.js';
import type { SequenceProgressEvent } from './sequence-options.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const small = {
  width: 160,
  height: 96,
  fps: 8,
  durationSeconds: 2,
  poll: { initialIntervalMs: 50, maxIntervalMs: 200 },
};
const clips = [{ prompt: 'a red kite' }, { prompt: 'a storm at sea' }, { prompt: 'a calm harbour' }];
const price: ModelPrice = {
  kind: 'per-second',
  unit: 'credits',
  perSecond: 5,
  source: 'test table',
  asOf: '2026-12-01',
};

/** The local renderer, priced like a paid model (5 credits a second) and counting every call. */
function pricedLocal(jobs: string) {
  const local = createLocal({ jobsDir: path.join(dir, jobs), preset: 'ultrafast' });
  const priced: VideoProvider = Object.assign(Object.create(local) as VideoProvider, {
    models: local.models.map((model) => ({ ...model, price })),
  });
  return countingProvider(priced);
}

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.catch((e: unknown) => e);
  expect(ValidationError.isInstance(error)).toBe(true);
  return error as ValidationError;
}

describe('generateSequence cost', () => {
  it('refuses a sequence whose summed estimate is over maxCost, with no request sent and no file written', async () => {
    const { provider, calls } = pricedLocal('jobs-over');
    const outDir = path.join(dir, 'over');
    const error = await refusal(generateSequence({ provider, clips, outDir, maxCost: 29, ...small }));
    expect(error.code).toBe('over_budget');
    // 3 clips × 2 s × 5 credits.
    expect(error.message).toContain('30 credits');
    expect(error.message).toContain('sequence of 3 clips');
    expect(calls).toEqual({ submit: 0, status: 0, download: 0, cancel: 0 });
    expect(existsSync(path.join(outDir, 'sequence.json'))).toBe(false);
  });

  it('refuses a cap in another unit, and a malformed cap, before anything', async () => {
    const { provider, calls } = pricedLocal('jobs-unit');
    const outDir = path.join(dir, 'unit');
    const wrongUnit = await refusal(
      generateSequence({ provider, clips, outDir, maxCost: { amount: 100, unit: 'USD' }, ...small }),
    );
    expect(wrongUnit.code).toBe('cost_unit_mismatch');
    const malformed = await refusal(generateSequence({ provider, clips, outDir, maxCost: -1, ...small }));
    expect(malformed.code).toBe('invalid_options');
    expect(calls.submit).toBe(0);
  });

  it('reports the whole estimate before the first clip, and counts only the clips still to generate on a re-run', async () => {
    const { provider, calls } = pricedLocal('jobs-ok');
    const outDir = path.join(dir, 'ok');
    const events: SequenceProgressEvent[] = [];
    const twoClips = clips.slice(0, 2);
    const result = await generateSequence({
      provider,
      clips: twoClips,
      outDir,
      maxCost: 20,
      ...small,
      onProgress: (event) => events.push(event),
    });
    const estimated = events.findIndex((event) => event.phase === 'estimated');
    const firstClip = events.findIndex((event) => event.phase === 'generating');
    expect(estimated).toBeGreaterThanOrEqual(0);
    expect(estimated).toBeLessThan(firstClip);
    expect(events[estimated]?.costEstimate).toMatchObject({ amount: 20, unit: 'credits', clips: [10, 10] });
    expect(result.costEstimate?.amount).toBe(20);
    expect(calls.submit).toBe(2);

    // Both clips are done: nothing left to pay for, so even a cap of 0 lets the re-run through.
    const again = await generateSequence({ provider, clips: twoClips, outDir, maxCost: 0, ...small });
    expect(again.costEstimate).toMatchObject({ amount: 0, clips: [0, 0] });
    expect(again.clips.map((clip) => clip.source)).toEqual(['reused', 'reused']);
    expect(calls.submit).toBe(2);
  });
});
