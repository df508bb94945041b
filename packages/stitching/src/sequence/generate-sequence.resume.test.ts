import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '@video-gen/core';
import { createLocal } from '@video-gen/provider-local';
import { countingProvider, solidPng } from '@video-gen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, psnr, tempDir } from '../../test/media-helpers.js';
import { generateSequence } from './generate-sequence.js';
import type { GenerateSequenceOptions } from './sequence-options.js';

let dir: string;
let outDir: string;
let jobsDir: string;
let red: string;
const threeClips = [{ prompt: 'a red kite' }, { prompt: 'a storm at sea' }, { prompt: 'a quiet harbour' }];
const small = {
  width: 160,
  height: 96,
  fps: 8,
  durationSeconds: 1,
  seed: 5,
  poll: { initialIntervalMs: 50, maxIntervalMs: 200 },
};

function counted() {
  return countingProvider(createLocal({ jobsDir, preset: 'ultrafast' }));
}

function sequence(overrides: Partial<GenerateSequenceOptions> = {}) {
  const { provider, calls } = counted();
  const run = generateSequence({
    provider,
    clips: [{ prompt: 'a red kite' }, { prompt: 'a storm at sea' }],
    images: [[red], []],
    outDir,
    ...small,
    ...overrides,
  });
  return { run, calls };
}

async function failure(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  dir = await tempDir();
  outDir = path.join(dir, 'story');
  jobsDir = path.join(dir, 'jobs');
  red = path.join(dir, 'red.png');
  await writeFile(red, solidPng(160, 96, [220, 40, 40]));
  const { run, calls } = sequence();
  await run;
  expect(calls.submit).toBe(2);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('generateSequence on a folder that holds a sequence', () => {
  it('gives the first clip its own first frame from a per-clip image list', async () => {
    const first = decodeFrame(path.join(outDir, 'clip-01.mp4'), 0, path.join(dir, 'clip-01-first.png'));

    expect(psnr(red, first).average).toBeGreaterThanOrEqual(40);
  });

  it('records prompts, settings, per-clip status, job ids and boundary frames in sequence.json', async () => {
    const manifest = JSON.parse(await readFile(path.join(outDir, 'sequence.json'), 'utf8'));

    expect(manifest).toMatchObject({
      version: 1,
      provider: 'local',
      model: 'local-v1',
      settings: { width: 160, height: 96, fps: 8, durationSeconds: 1, seed: 5, frameFormat: 'png' },
      clips: [
        {
          index: 1,
          prompt: 'a red kite',
          status: 'done',
          path: 'clip-01.mp4',
          jobId: expect.any(String),
          lastFrame: { path: 'frames/clip-01-last.png' },
        },
        {
          index: 2,
          prompt: 'a storm at sea',
          status: 'done',
          path: 'clip-02.mp4',
          firstFrame: { path: 'frames/clip-01-last.png' },
        },
      ],
    });
  });

  it('keeps finished clips on a re-run: nothing is submitted and no file is rewritten', async () => {
    const before = await stat(path.join(outDir, 'clip-01.mp4'));
    const { run, calls } = sequence();

    const result = await run;

    expect(calls.submit).toBe(0);
    expect(result.clips.map((clip) => clip.source)).toEqual(['reused', 'reused']);
    expect((await stat(path.join(outDir, 'clip-01.mp4'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('reports a changed prompt of a finished clip instead of reusing or replacing it', async () => {
    const bytes = await readFile(path.join(outDir, 'clip-01.mp4'));
    const { run, calls } = sequence({ clips: [{ prompt: 'a blue kite' }, { prompt: 'a storm at sea' }] });

    const error = await failure(run);

    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'sequence_changed' });
    expect((error as Error).message).toContain('Clip 1 of the sequence');
    expect((error as Error).message).toContain('prompt changed from "a red kite" to "a blue kite"');
    expect((error as Error).message).toContain('use a new outDir');
    expect(calls.submit).toBe(0);
    expect((await readFile(path.join(outDir, 'clip-01.mp4'))).equals(bytes)).toBe(true);
  });

  it('reports a changed setting as a change of every finished clip, starting with the first', async () => {
    const { run, calls } = sequence({ seed: 6 });

    const error = await failure(run);

    expect((error as Error).message).toContain('Clip 1 of the sequence');
    expect((error as Error).message).toContain('seed changed from 5 to 6');
    expect(calls.submit).toBe(0);
  });

  it('refuses a folder that holds a sequence when resume is false, deleting nothing', async () => {
    const { run, calls } = sequence({ resume: false });

    const error = await failure(run);

    expect(error).toMatchObject({ code: 'sequence_exists' });
    expect((error as Error).message).toContain('and resuming it was not asked for');
    expect((error as Error).message).not.toContain('resume is false');
    expect(calls.submit).toBe(0);
    await expect(stat(path.join(outDir, 'clip-02.mp4'))).resolves.toBeTruthy();
  });

  it('generates only the new clip when one is appended, starting from the last one', async () => {
    const { run, calls } = sequence({ clips: threeClips, images: [[red], [], []] });

    const result = await run;

    expect(calls.submit).toBe(1);
    expect(result.clips.map((clip) => clip.source)).toEqual(['reused', 'reused', 'generated']);
    expect(result.clips[2]?.firstFramePath).toBe(path.join(outDir, 'frames', 'clip-02-last.png'));
  });

  it('generates a finished last clip again, with a warning, when its file was deleted', async () => {
    await rm(path.join(outDir, 'clip-03.mp4'));
    const { run, calls } = sequence({ clips: threeClips, images: [[red], [], []] });

    const result = await run;

    expect(calls.submit).toBe(1);
    expect(result.clips.map((clip) => clip.source)).toEqual(['reused', 'reused', 'generated']);
    expect(result.warnings.map((warning) => warning.message)).toContainEqual(
      expect.stringContaining('Clip 3 was recorded as done but'),
    );
  });

  it('refuses, replacing nothing, when a finished clip’s file no longer matches the manifest', async () => {
    const clip2 = path.join(outDir, 'clip-02.mp4');
    const original = await readFile(clip2);
    await writeFile(clip2, 'not a video any more');
    const { run, calls } = sequence({ clips: threeClips, images: [[red], [], []] });

    const error = await failure(run);

    expect(error).toMatchObject({ code: 'sequence_clip_changed' });
    expect(calls.submit).toBe(0);
    expect(await readFile(clip2, 'utf8')).toBe('not a video any more');
    await writeFile(clip2, original);
  });

  it('refuses to regenerate a deleted clip that later clips were made from', async () => {
    const clip1 = path.join(outDir, 'clip-01.mp4');
    const original = await readFile(clip1);
    await rm(clip1);
    const { run, calls } = sequence({ clips: threeClips, images: [[red], [], []] });

    const error = await failure(run);

    expect(error).toMatchObject({ code: 'sequence_clip_missing' });
    expect((error as Error).message).toContain('later clips were made from its last frame');
    expect(calls.submit).toBe(0);
    await writeFile(clip1, original);
  });
});
