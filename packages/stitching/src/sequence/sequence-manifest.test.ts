import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VideoGenError } from '@video-gen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/media-helpers.js';
import { readManifest, type SequenceManifest, writeManifest } from './sequence-manifest.js';

const settings = {
  width: 160,
  height: 96,
  fps: 8,
  durationSeconds: 1,
  seed: null,
  negativePrompt: null,
  audio: null,
  providerOptions: null,
  frameFormat: 'png',
};
const manifest: SequenceManifest = {
  version: 1,
  provider: 'local',
  model: 'local-v1',
  settings,
  clips: [
    {
      index: 1,
      prompt: 'a red kite',
      status: 'done',
      fingerprint: 'f1',
      identity: {
        provider: 'local',
        model: 'local-v1',
        prompt: 'a red kite',
        settings,
        images: [],
        referenceImages: [],
        firstFrame: null,
      },
      path: 'clip-01.mp4',
      jobId: 'job-1',
      bytes: 1234,
      lastFrame: { path: 'frames/clip-01-last.png', sha256: 'a'.repeat(64) },
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sequence.json', () => {
  it('reads back what was written, leaving no temporary file behind', async () => {
    const file = path.join(dir, 'sequence.json');

    await writeManifest(file, manifest);

    expect(await readManifest(file)).toEqual(manifest);
    expect(await readdir(dir)).toEqual(['sequence.json']);
  });

  it('is undefined when there is none', async () => {
    expect(await readManifest(path.join(dir, 'none.json'))).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"version": 1, "clips": ['],
    ['another version', JSON.stringify({ ...manifest, version: 2 })],
    [
      'a clip path outside the folder',
      JSON.stringify({ ...manifest, clips: [{ ...manifest.clips[0], path: '../other.mp4' }] }),
    ],
    ['an unknown status', JSON.stringify({ ...manifest, clips: [{ ...manifest.clips[0], status: 'paid' }] })],
  ])('refuses a manifest that is %s, as manifest_corrupt', async (_, text) => {
    const file = path.join(dir, 'bad.json');
    await writeFile(file, text);

    const error = await readManifest(file).catch((e: unknown) => e);

    expect(VideoGenError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'manifest_corrupt' });
  });
});
