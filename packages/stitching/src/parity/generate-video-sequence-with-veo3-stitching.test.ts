import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type ModelInfo,
  registerProvider,
  unregisterProvider,
  ValidationError,
  type VideoProvider,
} from '@video-gen/core';
import { solidPng } from '@video-gen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeProvider, imageModel, textOnlyModel } from '../../test/fake-providers.js';
import { decodeFrame, psnr, tempDir } from '../../test/media-helpers.js';
import { generateVideoSequenceWithVeo3Stitching } from './generate-video-sequence-with-veo3-stitching.js';

let dir: string;
const created: string[] = [];

/** Registers a stand-in for a first-party id, with the given models (rendered by the local provider). */
function standIn(id: string, models: ModelInfo[]): void {
  registerProvider({
    id,
    create: (): VideoProvider => {
      created.push(id);
      return { ...acmeProvider(path.join(dir, 'jobs')), id, models };
    },
  });
}

beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  unregisterProvider('veo3');
  unregisterProvider('runway');
  await rm(dir, { recursive: true, force: true });
});

describe('generateVideoSequenceWithVeo3Stitching', () => {
  it('runs one clip per prompt on the backend from the registry, with one image list per clip', async () => {
    standIn('veo3', [imageModel]);
    const start = path.join(dir, 'start.png');
    await writeFile(start, solidPng(160, 96, [30, 160, 60]));

    const result = await generateVideoSequenceWithVeo3Stitching(
      ['a green field', 'wind in the grass'],
      [[start], null],
      {
        backend: 'veo3',
        outDir: path.join(dir, 'veo3'),
        width: 160,
        height: 96,
        fps: 8,
        durationSeconds: 1,
        poll: { initialIntervalMs: 50, maxIntervalMs: 200 },
      },
    );

    expect(created).toContain('veo3');
    expect(result).toMatchObject({ provider: 'veo3', model: 'acme-i2v-1' });
    expect(result.clips.map((clip) => clip.prompt)).toEqual(['a green field', 'wind in the grass']);
    const firstFrame = decodeFrame(result.clips[0]!.path, 0, path.join(dir, 'veo3-first.png'));
    expect(psnr(start, firstFrame).average).toBeGreaterThanOrEqual(40);
  });

  it("passes backend 'runway' to the registry, and refuses its model when it takes no first frame", async () => {
    standIn('runway', [textOnlyModel]);

    const error = await generateVideoSequenceWithVeo3Stitching(['a', 'b'], undefined, {
      backend: 'runway',
      outDir: path.join(dir, 'runway'),
    }).catch((e: unknown) => e);

    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'model_cannot_chain', provider: 'runway' });
    expect((error as Error).message).toContain('No model of runway can');
  });
});
