import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { CancelledError } from '@video-gen/core';
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
  durationSeconds: 1,
  poll: { initialIntervalMs: 50, maxIntervalMs: 200 },
};
const clips = [{ prompt: 'a red kite' }, { prompt: 'a storm at sea' }];

describe('generateSequence pacing and progress', () => {
  it('waits delayBetweenClipsMs between two generated clips and reports each step', async () => {
    const events: SequenceProgressEvent[] = [];
    const { provider } = countingProvider(
      createLocal({ jobsDir: path.join(dir, 'jobs'), preset: 'ultrafast' }),
    );
    let waitedFrom = 0;
    let waitedMs = 0;

    await generateSequence({
      provider,
      clips,
      outDir: path.join(dir, 'paced'),
      delayBetweenClipsMs: 400,
      ...small,
      onProgress: (event) => {
        if (event.phase === 'waiting') waitedFrom = Date.now();
        if (event.phase === 'extracting-frame') waitedMs = Date.now() - waitedFrom;
        events.push(event);
      },
    });

    const steps = events
      .filter((event) => event.phase !== 'generating')
      .map((event) => `${event.phase}${event.clip ?? ''}`);
    expect(steps).toEqual(['validating', 'estimated', 'waiting2', 'extracting-frame1', 'done']);
    expect(waitedMs).toBeGreaterThanOrEqual(390);
    const clip1 = events.filter((event) => event.phase === 'generating' && event.clip === 1);
    expect(clip1.map((event) => event.generation?.phase)).toContain('submitting');
    expect(clip1.at(-1)?.generation?.phase).toBe('done');
    expect(events.every((event) => event.clips === 2)).toBe(true);
  });

  it('stops with a CancelledError when cancelled between clips, leaving the next clip pending', async () => {
    const controller = new AbortController();
    const outDir = path.join(dir, 'cancelled');

    const error = await generateSequence({
      provider: createLocal({ jobsDir: path.join(dir, 'jobs'), preset: 'ultrafast' }),
      clips,
      outDir,
      delayBetweenClipsMs: 10_000,
      signal: controller.signal,
      ...small,
      onProgress: (event) => {
        if (event.phase === 'waiting') controller.abort();
      },
    }).catch((e: unknown) => e);

    expect(CancelledError.isInstance(error)).toBe(true);
    const manifest = JSON.parse(await readFile(path.join(outDir, 'sequence.json'), 'utf8'));
    expect(manifest.clips.map((clip: { status: string }) => clip.status)).toEqual(['done', 'pending']);
  });
});
