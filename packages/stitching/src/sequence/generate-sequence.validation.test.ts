import { rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError, OutputExistsError, ValidationError } from '@video-gen/core';
import { createLocal } from '@video-gen/provider-local';
import { countingProvider, solidPng } from '@video-gen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeProvider } from '../../test/fake-providers.js';
import { tempDir } from '../../test/media-helpers.js';
import { generateSequence } from './generate-sequence.js';

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

async function failure(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('generateSequence refuses before any submit', () => {
  it('a model that cannot take a first frame, naming the models of that provider that can', async () => {
    const { provider, calls } = countingProvider(acmeProvider(path.join(dir, 'jobs')));

    const error = await failure(
      generateSequence({ provider, clips, outDir: path.join(dir, 'acme'), ...small }),
    );

    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'model_cannot_chain', provider: 'acme' });
    expect((error as Error).message).toContain('acme-text-1 of acme does not take a first frame');
    expect((error as Error).message).toContain('Models of acme that can: acme-i2v-1');
    expect(calls.submit).toBe(0);
    await expect(stat(path.join(dir, 'acme'))).rejects.toThrow();
  });

  it('a per-clip image list of the wrong length', async () => {
    const { provider, calls } = countingProvider(createLocal({ jobsDir: path.join(dir, 'jobs') }));

    const error = await failure(
      generateSequence({ provider, clips, images: [[], [], []], outDir: path.join(dir, 'lists'), ...small }),
    );

    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'images_per_clip_length' });
    expect(calls.submit).toBe(0);
  });

  it('a later clip the model cannot take, naming the clip', async () => {
    const { provider, calls } = countingProvider(createLocal({ jobsDir: path.join(dir, 'jobs') }));

    const error = await failure(
      generateSequence({
        provider,
        clips: [{ prompt: 'fine' }, { prompt: 'fine too' }, { prompt: '   ' }],
        outDir: path.join(dir, 'bad-clip'),
        ...small,
      }),
    );

    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Clip 3: .*prompt must be a non-empty string/s);
    expect((error as ValidationError).issues[0]?.field).toBe('clips[2].prompt');
    expect(calls.submit).toBe(0);
  });

  it('a shared image list that later clips would take as reference images the model refuses', async () => {
    const { provider, calls } = countingProvider(createLocal({ jobsDir: path.join(dir, 'jobs') }));
    const start = path.join(dir, 'start.png');
    await writeFile(start, solidPng(160, 96, [200, 30, 30]));

    const error = await failure(
      generateSequence({ provider, clips, images: [start], outDir: path.join(dir, 'shared'), ...small }),
    );

    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Clip 2: .*local-v1 takes no reference images/s);
    expect(calls.submit).toBe(0);
  });

  it('a missing image, as an InputFileError naming the clip', async () => {
    const { provider, calls } = countingProvider(createLocal({ jobsDir: path.join(dir, 'jobs') }));

    const error = await failure(
      generateSequence({
        provider,
        clips,
        images: [[path.join(dir, 'nope.png')], []],
        outDir: path.join(dir, 'missing'),
        ...small,
      }),
    );

    expect(InputFileError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('Clip 1: Image not found');
    expect(calls.submit).toBe(0);
  });

  it('an existing concatTo file that the sequence did not write', async () => {
    const { provider, calls } = countingProvider(createLocal({ jobsDir: path.join(dir, 'jobs') }));
    const taken = path.join(dir, 'taken.mp4');
    await writeFile(taken, 'somebody else’s video');

    const error = await failure(
      generateSequence({ provider, clips, concatTo: taken, outDir: path.join(dir, 'taken'), ...small }),
    );

    expect(OutputExistsError.isInstance(error)).toBe(true);
    expect(calls.submit).toBe(0);
  });
});
