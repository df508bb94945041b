// One mocked Runway generation with the built packages, against a loopback fake of the Runway API
// (no msw): runs unchanged under Node, Bun and Deno. Prints "ok runway <bytes>" last.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateVideo } from '@video-gen/core';
import { createRunway } from '@video-gen/provider-runway';
import { solidPng, startRunwayLoopback } from '@video-gen/testing/loopback';

const server = await startRunwayLoopback({ apiKey: 'test' });
const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-runway-runtime-'));
try {
  const result = await generateVideo({
    provider: createRunway({ apiKey: 'test', baseURL: server.url, pollIntervalMs: 0 }),
    model: 'veo3.1',
    prompt: 'A runtime check of a calm sea',
    firstFrame: solidPng(64, 36),
    durationSeconds: 4,
    outPath: path.join(dir, 'runway.mp4'),
    allowLoopbackDownloads: true,
    poll: { initialIntervalMs: 10, maxIntervalMs: 50 },
  });
  const bytes = readFileSync(result.path);
  if (bytes.subarray(4, 8).toString('latin1') !== 'ftyp') throw new Error('the output is not an MP4');
  const creates = server.apiRequests('POST', '/v1/image_to_video');
  if (creates.length !== 1) throw new Error(`expected one create, got ${creates.length}`);
  if (creates[0].headers['x-runway-version'] !== '2024-11-06') throw new Error('X-Runway-Version missing');
  console.log(`ok runway ${bytes.byteLength}`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
