// Issue 14 item 1: planted symlinks at every name the library creates are never written through.
// Each case plants a link to a victim file outside the output folder, runs the public API with the
// built packages and the local provider, and checks: the victim is untouched, the run ends in a
// typed error or the intended success, and the output is not a link.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { generateVideo, type ProviderContext, solidPng, VideoGenError } from '@video-gen/core';
import { createLocal } from '@video-gen/provider-local';
import { generateSequence } from '@video-gen/stitching';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { isMp4, tempDir } from '../support/files.js';

const root = tempDir('safe-files');
let out: string;
let victim: string;
let jobsDir: string;
const VICTIM = 'precious bytes outside the output folder';
const small = { width: 160, height: 90, durationSeconds: 1, fps: 12, seed: 1 } as const;
const fast = { poll: { initialIntervalMs: 20 }, retry: { minDelayMs: 5, maxDelayMs: 10 } };

let n = 0;
beforeEach(() => {
  const caseDir = path.join(root, `case-${++n}`);
  out = path.join(caseDir, 'out');
  jobsDir = path.join(caseDir, 'jobs');
  mkdirSync(out, { recursive: true });
  victim = path.join(caseDir, 'victim.txt');
  writeFileSync(victim, VICTIM);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs `call`; returns its result or its error, which must be a typed video-gen error. */
async function outcome<T>(call: () => Promise<T>): Promise<{ result?: T; error?: VideoGenError }> {
  try {
    return { result: await call() };
  } catch (error) {
    expect(VideoGenError.isInstance(error), String(error)).toBe(true);
    return { error: error as VideoGenError };
  }
}

function expectVictimUntouched(): void {
  expect(lstatSync(victim).isFile()).toBe(true);
  expect(readFileSync(victim, 'utf8')).toBe(VICTIM);
}

function expectNotALink(file: string): void {
  if (existsSync(file) || lstatSync(file, { throwIfNoEntry: false })) {
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
  }
}

const generate = (outPath: string) => () =>
  generateVideo({ provider: createLocal({ jobsDir }), prompt: 'x', outPath, ...small, ...fast });

describe('a symlink planted beside the output', () => {
  it('at <out>.part: refused with unsafe_path; the victim keeps its bytes and the output is no link', async () => {
    const outPath = path.join(out, 'v.mp4');
    symlinkSync(victim, `${outPath}.part`);
    const { error } = await outcome(generate(outPath));
    expect(error?.code).toBe('unsafe_path');
    expectVictimUntouched();
    expectNotALink(outPath);
  });

  it('at the old fixed journal temp name <out>.job.json.tmp: never followed, the video is made', async () => {
    const outPath = path.join(out, 'v.mp4');
    symlinkSync(victim, `${outPath}.job.json.tmp`);
    const { result } = await outcome(generate(outPath));
    expect(result?.path).toBe(outPath);
    expect(isMp4(outPath)).toBe(true);
    expectVictimUntouched();
    expectNotALink(outPath);
    // Nothing is left beside the video: no journal, no temp file (the planted link is removed itself).
    expect(readdirSync(out)).toEqual(['v.mp4']);
  });

  it('at <out>.job.json.<random>.tmp names a crash could have left: removed as links, never followed', async () => {
    const outPath = path.join(out, 'v.mp4');
    symlinkSync(victim, `${outPath}.job.json.0123456789abcdef.tmp`);
    const { result } = await outcome(generate(outPath));
    expect(result?.path).toBe(outPath);
    expectVictimUntouched();
    expect(readdirSync(out)).toEqual(['v.mp4']);
  });
});

describe('a symlink planted among provider-local job files', () => {
  const context = (): ProviderContext => ({
    signal: new AbortController().signal,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    fetch: globalThis.fetch,
  });
  const request = (idempotencyKey: string) => {
    const provider = createLocal({ jobsDir, simulatedQueueMs: 60_000 });
    return {
      provider,
      request: {
        prompt: 'x',
        model: provider.models[0]!,
        ...small,
        negativePrompt: undefined,
        audio: undefined,
        firstFrame: undefined,
        lastFrame: undefined,
        referenceImages: [],
        providerOptions: {},
        idempotencyKey,
      },
    };
  };

  it.each(['started', 'progress.txt', 'video.partial.mp4', 'ffmpeg.log'])(
    'at %s: the render is refused with unsafe_path, the victim is untouched',
    async (name) => {
      const { provider, request: req } = request(`key-${name.replace(/\W/g, '')}`);
      const job = await provider.submit(req, context());
      const dir = path.join(jobsDir, job.id);
      symlinkSync(victim, path.join(dir, name));
      // The queue is over: the next poll starts the render.
      const record = JSON.parse(readFileSync(path.join(dir, 'job.json'), 'utf8'));
      writeFileSync(path.join(dir, 'job.json'), JSON.stringify({ ...record, startAfter: 0 }));
      const { result: status, error } = await outcome(() => provider.status(job, context()));
      const code = error?.code ?? (status?.state === 'failed' ? status.error.code : status?.state);
      expect(code).toBe('unsafe_path');
      expectVictimUntouched();
    },
  );

  it('at the job folder itself (a link to another folder): refused, nothing written there', async () => {
    const elsewhere = path.join(path.dirname(victim), 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(jobsDir);
    symlinkSync(elsewhere, path.join(jobsDir, 'key-folder'));
    const { provider, request: req } = request('key-folder');
    const { error } = await outcome(() => provider.submit(req, context()));
    expect(error?.code).toBe('unsafe_path');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('a jobsDir that is a file is a typed error', async () => {
    writeFileSync(jobsDir, '');
    const { error } = await outcome(generate(path.join(out, 'v.mp4')));
    expect(error?.code).toBe('unsafe_path');
  });
});

describe('a symlink planted in a sequence folder', () => {
  const sequence = (outDir: string) => () =>
    generateSequence({
      provider: createLocal({ jobsDir }),
      clips: [{ prompt: 'a paper boat sets off' }, { prompt: 'the boat drifts on' }],
      outDir,
      ...small,
      ...fast,
    });

  it('at sequence.json: refused before any clip, the victim is untouched', async () => {
    symlinkSync(victim, path.join(out, 'sequence.json'));
    const { error } = await outcome(sequence(out));
    expect(error?.code).toBe('unsafe_path');
    expectVictimUntouched();
    expect(existsSync(path.join(out, 'clip-01.mp4'))).toBe(false);
  });

  it('at a boundary frame name: refused (the victim is never read or sent as a frame), the victim is untouched', async () => {
    writeFileSync(victim, solidPng(160, 90, [255, 0, 0]));
    const before = readFileSync(victim);
    mkdirSync(path.join(out, 'frames'));
    symlinkSync(victim, path.join(out, 'frames', 'clip-01-last.png'));
    const { error } = await outcome(sequence(out));
    expect(error?.code).toBe('unsafe_path');
    expect(readFileSync(victim).equals(before)).toBe(true);
  });

  it('at the frames folder (a link to another folder): refused, nothing written there', async () => {
    const elsewhere = path.join(path.dirname(victim), 'elsewhere-frames');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(out, 'frames'));
    const { error } = await outcome(sequence(out));
    expect(error?.code).toBe('unsafe_path');
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
