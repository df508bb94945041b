import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { type ModelInfo, type ResolvedRequest, ValidationError, type VideoProvider } from '@video-gen/core';
import { createLocal } from '@video-gen/provider-local';
import { solidPng } from '@video-gen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probe, tempDir } from '../../test/media-helpers.js';
import { generateSequence } from './generate-sequence.js';
import type { GenerateSequenceOptions } from './sequence-options.js';

let dir: string;
let jobsDir: string;

/** The local renderer with a model that declares native extension; it records what it is sent. */
function extendingLocal(extendOutput: 'whole' | 'continuation' = 'continuation') {
  const local = createLocal({ jobsDir, preset: 'ultrafast' });
  const sent: ResolvedRequest[] = [];
  const models: ModelInfo[] = local.models.map((model) => ({
    ...model,
    videoInput: { uses: ['extend'], mediaTypes: ['video/mp4'], urlSchemes: [], extendOutput, source: 'test' },
  }));
  const provider: VideoProvider = {
    ...local,
    models,
    submit: (request, ctx) => {
      sent.push(request);
      // The renderer makes a fresh clip; what matters here is what it was asked.
      const { video: _video, ...rest } = request;
      return local.submit(rest, ctx);
    },
  };
  return { provider, sent };
}

const small = {
  width: 160,
  height: 96,
  fps: 8,
  durationSeconds: 1,
  seed: 5,
  poll: { initialIntervalMs: 20, maxIntervalMs: 100 },
};
const clips = [{ prompt: 'a red kite' }, { prompt: 'the kite climbs into a storm' }];

function run(provider: VideoProvider, outDir: string, overrides: Partial<GenerateSequenceOptions> = {}) {
  return generateSequence({ provider, clips, outDir, chain: 'extend', ...small, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  dir = await tempDir();
  jobsDir = path.join(dir, 'jobs');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("generateSequence({ chain: 'extend' })", () => {
  it('sends clip N as the input video of clip N+1, extracts no frame and records the mode', async () => {
    const outDir = path.join(dir, 'extend');
    const { provider, sent } = extendingLocal();
    const result = await run(provider, outDir, { concatTo: path.join(dir, 'extend.mp4') });

    expect(sent).toHaveLength(2);
    expect(sent[0]!.video).toBeUndefined();
    expect(sent[1]!.video).toMatchObject({
      kind: 'bytes',
      use: 'extend',
      path: path.join(outDir, 'clip-01.mp4'),
    });
    expect(sent[1]!.firstFrame).toBeUndefined();
    expect(existsSync(path.join(outDir, 'frames', 'clip-01-last.png'))).toBe(false);
    const manifest = JSON.parse(await readFile(path.join(outDir, 'sequence.json'), 'utf8'));
    expect(manifest.settings.chain).toBe('extend');
    expect(manifest.clips[1].firstFrame).toBeUndefined();
    // Continuations are joined whole: no boundary frame is shared, so none is dropped.
    expect(probe(result.concatPath!).frames).toBe(16);
  });

  it('keeps finished clips on a re-run: nothing is paid twice', async () => {
    const outDir = path.join(dir, 'extend');
    const { provider, sent } = extendingLocal();
    const result = await run(provider, outDir);
    expect(sent).toHaveLength(0);
    expect(result.clips.map((clip) => clip.source)).toEqual(['reused', 'reused']);
  });

  it('resumes an interrupted extension from its journal with no second submit', async () => {
    const outDir = path.join(dir, 'interrupted');
    const first = extendingLocal();
    const controller = new AbortController();
    await failure(
      run(first.provider, outDir, {
        signal: controller.signal,
        onProgress: (event) => {
          if (event.clip === 2 && event.generation?.jobId) controller.abort();
        },
      }),
    );
    expect(first.sent).toHaveLength(2);
    expect(existsSync(path.join(outDir, 'clip-02.mp4.job.json'))).toBe(true);

    const second = extendingLocal();
    const result = await run(second.provider, outDir);
    expect(second.sent).toHaveLength(0);
    expect(result.clips.map((clip) => clip.source)).toEqual(['reused', 'resumed']);
  });

  it('refuses to continue a recorded extend sequence with last-frame chaining', async () => {
    const outDir = path.join(dir, 'extend');
    const { provider, sent } = extendingLocal();
    const error = await failure(run(provider, outDir, { chain: 'last-frame' }));
    expect(error).toMatchObject({ code: 'sequence_changed' });
    expect(sent).toHaveLength(0);
  });

  it('makes the last clip the joined video when the model returns input plus continuation', async () => {
    const outDir = path.join(dir, 'whole');
    const { provider } = extendingLocal('whole');
    const result = await run(provider, outDir, { concatTo: path.join(dir, 'whole.mp4') });
    expect(probe(result.concatPath!).frames).toBe(8);
  });

  it('refuses a model that cannot extend, naming the mode, before any submit', async () => {
    const local = createLocal({ jobsDir, preset: 'ultrafast' });
    const error = await failure(run(local, path.join(dir, 'refused')));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'model_cannot_extend' });
    expect((error as Error).message).toContain("chain: 'extend'");
  });

  it('refuses images on a later clip, which continues the previous one', async () => {
    const { provider, sent } = extendingLocal();
    const error = await failure(
      run(provider, path.join(dir, 'images'), {
        clips: [{ prompt: 'a' }, { prompt: 'b', images: [solidPng(160, 96)] }],
      }),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('clips[1]');
    expect(sent).toHaveLength(0);
  });

  it('refuses an unknown chain mode at the door', async () => {
    const { provider } = extendingLocal();
    const error = await failure(run(provider, path.join(dir, 'bad'), { chain: 'loop' as never }));
    expect((error as Error).message).toContain('"last-frame" or "extend"');
  });
});
