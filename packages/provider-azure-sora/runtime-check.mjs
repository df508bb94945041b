// One mocked Azure Sora generation with the built packages, against a loopback fake of Azure's v1
// Videos API (no msw): runs unchanged under Node, Bun and Deno. Prints "ok azure-sora <bytes>" last.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateVideo } from '@video-gen/core';
import { createAzureSora } from '@video-gen/provider-azure-sora';
import { solidPng, startAzureSoraServer } from '@video-gen/testing/loopback';

const server = await startAzureSoraServer({ apiKey: 'azure-runtime-key', deployment: 'my-sora-2' });
const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-azure-sora-runtime-'));
try {
  const result = await generateVideo({
    provider: createAzureSora({ baseURL: server.url, apiKey: 'azure-runtime-key', deployment: 'my-sora-2' }),
    prompt: 'A runtime check of a calm sea',
    allowRetiredModels: true, // Sora 2 is retired; the check runs against a loopback fake
    // A first frame of another size, fitted with ffmpeg: exercises child_process in each runtime.
    firstFrame: solidPng(640, 480),
    providerOptions: { 'azure-sora': { fitInputReference: 'cover' } },
    width: 720,
    height: 1280,
    durationSeconds: 8,
    outPath: path.join(dir, 'azure-sora.mp4'),
    // The video streams through the SDK, not core's URL downloader; loopback URLs stay refused.
    allowLoopbackDownloads: false,
    poll: { initialIntervalMs: 10, maxIntervalMs: 50 },
  });
  const bytes = readFileSync(result.path);
  if (bytes.subarray(4, 8).toString('latin1') !== 'ftyp') throw new Error('the output is not an MP4');
  const creates = server.requests.filter((r) => r.method === 'POST' && r.path === '/openai/v1/videos');
  if (creates.length !== 1) throw new Error(`expected one create, got ${creates.length}`);
  const [create] = creates;
  if (create.headers['api-key'] !== 'azure-runtime-key') throw new Error('api-key header missing');
  if (create.headers.authorization !== undefined) throw new Error('Authorization sent alongside api-key');
  if (create.fields.model !== 'my-sora-2' || create.fields.size !== '720x1280')
    throw new Error('wrong multipart fields');
  const reference = create.files.input_reference;
  if (reference?.contentType !== 'image/png') throw new Error('input_reference missing');
  const view = new DataView(reference.bytes.buffer, reference.bytes.byteOffset);
  if (view.getUint32(16) !== 720 || view.getUint32(20) !== 1280)
    throw new Error('input_reference not fitted');
  console.log(`ok azure-sora ${bytes.byteLength}`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
