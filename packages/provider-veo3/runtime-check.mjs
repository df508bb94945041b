// One mocked Veo generation with the built packages, against a loopback fake of Vertex AI (no msw):
// runs unchanged under Node, Bun and Deno. Prints "ok veo3 <bytes>" last.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateVideo } from '@video-gen/core';
import { createVeo3 } from '@video-gen/provider-veo3';
import { solidPng, startGoogleVeoLoopbackServer } from '@video-gen/testing/loopback';

const token = 'ya29.runtime-check-token-0000';
const server = await startGoogleVeoLoopbackServer({
  project: 'runtime-project',
  location: 'us-central1',
  accessToken: token,
  pollsBeforeDone: 1,
});
const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-veo3-runtime-'));
try {
  const result = await generateVideo({
    provider: createVeo3({
      project: 'runtime-project',
      location: 'us-central1',
      accessToken: token,
      baseURL: server.url,
    }),
    model: 'veo-3.1-fast-generate-001',
    prompt: 'A runtime check of a calm sea',
    firstFrame: solidPng(64, 36),
    durationSeconds: 4,
    outPath: path.join(dir, 'veo3.mp4'),
    poll: { initialIntervalMs: 10, maxIntervalMs: 50 },
  });
  const bytes = readFileSync(result.path);
  if (bytes.subarray(4, 8).toString('latin1') !== 'ftyp') throw new Error('the output is not an MP4');
  const submits = server.fake.requestsOf('submit');
  if (submits.length !== 1) throw new Error(`expected one predictLongRunning, got ${submits.length}`);
  const expected =
    '/v1beta1/projects/runtime-project/locations/us-central1/publishers/google/models/veo-3.1-fast-generate-001:predictLongRunning';
  if (submits[0].path !== expected) throw new Error(`unexpected submit path ${submits[0].path}`);
  if (submits[0].headers.authorization !== `Bearer ${token}`)
    throw new Error('the bearer token was not sent');
  if (server.fake.requestsOf('poll').length !== 2)
    throw new Error('expected two fetchPredictOperation polls');
  console.log(`ok veo3 ${bytes.byteLength}`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
