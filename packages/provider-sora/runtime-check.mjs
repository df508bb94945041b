// One mocked OpenAI Sora generation with the built packages, against a loopback fake of the Videos
// API (no msw): runs unchanged under Node, Bun and Deno. Prints "ok sora2 <bytes>" last.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateVideo } from '@video-gen/core';
import { createSora } from '@video-gen/provider-sora';
import { solidPng, startOpenAiSoraServer } from '@video-gen/testing/loopback';

const server = await startOpenAiSoraServer({ apiKey: 'sk-runtime-check' });
const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-sora-runtime-'));
try {
  const result = await generateVideo({
    provider: createSora({ apiKey: 'sk-runtime-check', baseURL: server.url }),
    prompt: 'A runtime check of a calm sea',
    allowRetiredModels: true, // Sora 2 is retired; the check runs against a loopback fake
    firstFrame: solidPng(1280, 720),
    width: 1280,
    height: 720,
    durationSeconds: 4,
    outPath: path.join(dir, 'sora.mp4'),
    // The video streams through the SDK, not core's URL downloader; loopback URLs stay refused.
    allowLoopbackDownloads: false,
    poll: { initialIntervalMs: 10, maxIntervalMs: 50 },
  });
  const bytes = readFileSync(result.path);
  if (bytes.subarray(4, 8).toString('latin1') !== 'ftyp') throw new Error('the output is not an MP4');
  const creates = server.requests.filter((r) => r.method === 'POST' && r.path === '/v1/videos');
  if (creates.length !== 1) throw new Error(`expected one create, got ${creates.length}`);
  const [create] = creates;
  if (create.headers.authorization !== 'Bearer sk-runtime-check') throw new Error('Authorization missing');
  if (create.fields.seconds !== '4' || create.fields.size !== '1280x720')
    throw new Error('wrong multipart fields');
  if (create.files.input_reference?.contentType !== 'image/png') throw new Error('input_reference missing');
  if (!result.warnings.some((w) => w.type === 'deprecated')) throw new Error('deprecation warning missing');
  console.log(`ok sora2 ${bytes.byteLength}`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
