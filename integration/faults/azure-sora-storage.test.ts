// Azure with a key does not follow the content endpoint's redirect to storage (so the key never
// leaves the resource): core fetches the signed URL itself, with Range resume and a fresh URL on expiry.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateVideo } from '@video-gen/core';
import { tinyMp4 } from '@video-gen/testing/loopback';
import { afterEach, describe, expect, it } from 'vitest';
import { leftovers, tempDir } from '../support/files.js';
import { type StorageServer, startStorageServer } from '../support/storage-server.js';
import { type Harness, startVendor } from '../support/vendors.js';

describe('azure-sora: the video behind a storage redirect', () => {
  let harness: Harness | undefined;
  let storage: StorageServer | undefined;
  afterEach(async () => {
    await harness?.close();
    await storage?.close();
  });

  async function run(options: { expireFirst?: number; cutFirst?: number }) {
    const video = new Uint8Array(tinyMp4());
    storage = await startStorageServer(video, options);
    harness = await startVendor('azure-sora', 'none', { videosApi: { contentRedirect: storage.videoUrl } });
    const outPath = path.join(tempDir('azure-storage'), 'clip.mp4');
    await generateVideo({ ...harness.options, provider: harness.provider, prompt: 'storage', outPath });
    expect(readFileSync(outPath).equals(Buffer.from(video))).toBe(true);
    expect(leftovers(outPath)).toEqual({ out: true, part: false, journal: false, lock: false });
    expect(harness.creates()).toBe(1);
    return { video, storage };
  }

  it('an expired signed URL: the provider is asked again, the fresh URL succeeds', async () => {
    const { storage } = await run({ expireFirst: 1 });
    expect(storage.ranges.length).toBe(2);
    // Asked twice at the content endpoint: once per URL.
    expect(harness!.log().filter((line) => line.endsWith('/content')).length).toBe(2);
  });

  it('a body cut halfway: the retry resumes it with Range, byte-exact', async () => {
    const { storage, video } = await run({ cutFirst: 1 });
    expect(storage.ranges[0]).toBeUndefined();
    const resumedFrom = Number(/^bytes=(\d+)-$/.exec(storage.ranges[1] ?? '')?.[1]);
    expect(resumedFrom).toBeGreaterThan(0);
    expect(resumedFrom).toBeLessThan(video.length);
  });
});
