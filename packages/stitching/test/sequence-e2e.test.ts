import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { createLocal } from '@video-gen/provider-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractLastFrame } from '../src/frames/extract-last-frame.js';
import { generateSequence } from '../src/sequence/generate-sequence.js';
import type { GenerateSequenceResult } from '../src/sequence/sequence-options.js';
import { decodeFrame, probe, psnr, tempDir } from './media-helpers.js';

const FPS = 8;
const SECONDS = 2;
let dir: string;
let result: GenerateSequenceResult;

beforeAll(async () => {
  dir = await tempDir();
  result = await generateSequence({
    provider: createLocal({ jobsDir: path.join(dir, 'jobs'), preset: 'ultrafast' }),
    clips: [
      { prompt: 'a red kite over the sea' },
      { prompt: 'a storm rolls in' },
      { prompt: 'neon city at night' },
    ],
    width: 160,
    height: 96,
    fps: FPS,
    durationSeconds: SECONDS,
    seed: 11,
    outDir: path.join(dir, 'story'),
    concatTo: path.join(dir, 'story.mp4'),
    poll: { initialIntervalMs: 50, maxIntervalMs: 200 },
  });
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a three-clip sequence with the local provider', () => {
  it('writes three clips and a joined file', () => {
    expect(result.clips.map((clip) => [clip.index, path.basename(clip.path), clip.source])).toEqual([
      [1, 'clip-01.mp4', 'generated'],
      [2, 'clip-02.mp4', 'generated'],
      [3, 'clip-03.mp4', 'generated'],
    ]);
    expect(result.concatPath).toBe(path.join(dir, 'story.mp4'));
  });

  // PSNR in YUV (the clips' own colour space): RGB PSNR would weigh the 4:2:0 chroma rounding of
  // the re-encoded frame 1.4–1.8× through the colour matrix.
  it.each([
    { n: 1, next: 2 },
    { n: 2, next: 3 },
  ])('starts clip $next on clip $n’s last frame (PSNR at least 40 dB)', async ({ n }) => {
    const lastOfN = await extractLastFrame(result.clips[n - 1]!.path, {
      outputPath: path.join(dir, `check-${n}-last.png`),
    });
    const firstOfNext = decodeFrame(result.clips[n]!.path, 0, path.join(dir, `check-${n + 1}-first.png`));

    const measured = psnr(lastOfN, firstOfNext);

    expect(measured.average).toBeGreaterThanOrEqual(40);
    expect(measured.y).toBeGreaterThanOrEqual(40);
    // The frame handed to the next clip is the one recorded in the manifest.
    expect(result.clips[n]!.firstFramePath).toBe(result.clips[n - 1]!.lastFramePath);
    expect((await readFile(result.clips[n - 1]!.lastFramePath!)).equals(await readFile(lastOfN))).toBe(true);
  });

  it('joins them with the repeated boundary frames dropped: the duration is the sum minus two frames', () => {
    const clips = result.clips.map((clip) => probe(clip.path));
    const joined = probe(result.concatPath!);
    const sum = clips.reduce((total, clip) => total + clip.duration, 0);

    expect(clips.map((clip) => clip.frames)).toEqual([FPS * SECONDS, FPS * SECONDS, FPS * SECONDS]);
    expect(Math.abs(joined.duration - (sum - 2 / FPS))).toBeLessThanOrEqual(1 / FPS);
    expect(joined.frames).toBe(3 * FPS * SECONDS - 2);
  });
});
