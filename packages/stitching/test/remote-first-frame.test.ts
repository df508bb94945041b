// The boundary frame reaches every first-frame-capable remote provider in its vendor's wire
// format: each test runs a two-clip generateSequence against the vendor's msw handlers from
// @video-gen/testing and reads the submits they recorded.
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { solidPng } from '@video-gen/core';
import { createAzureSora } from '@video-gen/provider-azure-sora';
import { createRunway } from '@video-gen/provider-runway';
import { createSora } from '@video-gen/provider-sora';
import { createVeo3 } from '@video-gen/provider-veo3';
import { tinyMp4 } from '@video-gen/testing/loopback';
import {
  azureSoraHandlers,
  googleVeoHandlers,
  openAiSoraHandlers,
  type RecordedVideosRequest,
  runwayHandlers,
} from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateSequence } from '../src/sequence/generate-sequence.js';
import type { GenerateSequenceOptions, GenerateSequenceResult } from '../src/sequence/sequence-options.js';
import { ffmpeg, psnr, tempDir } from './media-helpers.js';

const server = setupServer();
let dir: string;
beforeAll(async () => {
  server.listen({ onUnhandledFrame: 'error' });
  dir = await tempDir('video-gen-stitching-remote-');
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Polls and retries in milliseconds: the fakes answer at once. */
const FAST = {
  poll: { initialIntervalMs: 5, maxIntervalMs: 20 },
  retry: { minDelayMs: 5, maxDelayMs: 20 },
  // Sora 2 is retired: these tests drive it through the documented opt-in.
  allowRetiredModels: true,
} as const;

const PROMPTS = ['A paper boat sets off on a rainy street', 'The boat drifts into a storm drain'];

/** Runs a two-clip sequence into a fresh folder and checks what every test needs of the result. */
async function twoClips(
  name: string,
  options: Omit<GenerateSequenceOptions, 'clips' | 'outDir'> & { firstImages?: Uint8Array[] },
): Promise<{ result: GenerateSequenceResult; boundary: Buffer }> {
  const { firstImages, ...rest } = options;
  const outDir = path.join(dir, name);
  const result = await generateSequence({
    ...FAST,
    ...rest,
    clips: [
      { prompt: PROMPTS[0]!, ...(firstImages ? { images: firstImages } : {}) },
      { prompt: PROMPTS[1]! },
    ],
    outDir,
  });
  const framePath = path.join(outDir, 'frames', 'clip-01-last.png');
  expect(result.clips).toHaveLength(2);
  expect(result.clips.map((clip) => [clip.index, path.basename(clip.path), clip.source])).toEqual([
    [1, 'clip-01.mp4', 'generated'],
    [2, 'clip-02.mp4', 'generated'],
  ]);
  // Clip 1's last frame is the boundary frame clip 2 started from.
  expect(result.clips[0]!.lastFramePath).toBe(framePath);
  expect(result.clips[1]!.firstFramePath).toBe(framePath);
  expect(result.clips[0]!.firstFramePath).toBeUndefined();
  const boundary = await readFile(framePath);
  expect(pngSize(boundary)).toBeDefined();
  return { result, boundary };
}

/** A PNG's width and height, from its IHDR chunk; undefined for anything else. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, index) => bytes[index] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The creates (`POST …/videos`) a Videos API fake recorded. */
function videoCreates(requests: readonly RecordedVideosRequest[]): RecordedVideosRequest[] {
  return requests.filter((request) => request.method === 'POST' && /\/videos$/.test(request.path));
}

/** The bytes of a `data:image/png;base64,` URI (fails the test for any other shape). */
function pngDataUriBytes(uri: unknown): Buffer {
  expect(typeof uri).toBe('string');
  const match = /^data:image\/png;base64,([A-Za-z0-9+/]+=*)$/.exec(uri as string);
  expect(match, `not a PNG data URI: ${String(uri).slice(0, 40)}…`).not.toBeNull();
  return Buffer.from(match![1]!, 'base64');
}

describe('OpenAI Sora 2 (sora2): input_reference', () => {
  const KEY = 'sk-test-openai-key';

  it('sends clip 1 without an input_reference and clip 2 with the boundary frame as a PNG file part, byte for byte', async () => {
    // Sora needs the reference to match the video size exactly: serve a 1280x720 video.
    const api = openAiSoraHandlers({ apiKey: KEY, video: tinyMp4({ width: 1280, height: 720 }) });
    server.use(...api.handlers);

    const { result, boundary } = await twoClips('sora2', {
      provider: createSora({ apiKey: KEY }),
      model: 'sora-2',
      width: 1280,
      height: 720,
      durationSeconds: 4,
    });

    const creates = videoCreates(api.requests);
    expect(creates).toHaveLength(2);
    expect(creates.map((create) => create.contentType)).toEqual([
      'multipart/form-data',
      'multipart/form-data',
    ]);
    expect(creates[0]!.fields).toEqual({
      prompt: PROMPTS[0],
      model: 'sora-2',
      seconds: '4',
      size: '1280x720',
    });
    expect(creates[0]!.files).toEqual({});
    expect(creates[1]!.fields).toEqual({
      prompt: PROMPTS[1],
      model: 'sora-2',
      seconds: '4',
      size: '1280x720',
    });
    expect(Object.keys(creates[1]!.files)).toEqual(['input_reference']);
    const reference = creates[1]!.files.input_reference!;
    expect(reference.contentType).toBe('image/png');
    expect(reference.filename).toMatch(/\.png$/);
    expect(pngSize(reference.bytes)).toEqual({ width: 1280, height: 720 });
    expect(Buffer.from(reference.bytes).equals(boundary)).toBe(true);
    expect(result).toMatchObject({ provider: 'sora2', model: 'sora-2' });
  });

  it('with fitInputReference, sends a boundary frame of another size fitted to exactly the requested size', async () => {
    // The default 160x90 video: its last frame is not 1280x720, so the provider fits it.
    const api = openAiSoraHandlers({ apiKey: KEY });
    server.use(...api.handlers);

    const { result, boundary } = await twoClips('sora2-fit', {
      provider: createSora({ apiKey: KEY }),
      model: 'sora-2',
      width: 1280,
      height: 720,
      durationSeconds: 4,
      providerOptions: { sora2: { fitInputReference: 'cover' } },
    });

    expect(pngSize(boundary)).toEqual({ width: 160, height: 90 });
    const creates = videoCreates(api.requests);
    expect(creates).toHaveLength(2);
    expect(creates[0]!.files).toEqual({});
    const reference = creates[1]!.files.input_reference!;
    expect(reference.contentType).toBe('image/png');
    expect(pngSize(reference.bytes)).toEqual({ width: 1280, height: 720 });
    // It is the boundary frame, scaled: compare with the frame scaled by ffmpeg (same aspect ratio).
    const sent = path.join(dir, 'sora2-fit-sent.png');
    const scaled = path.join(dir, 'sora2-fit-scaled.png');
    await writeFile(sent, reference.bytes);
    execFileSync(ffmpeg, [
      ...['-v', 'error', '-y', '-i', result.clips[0]!.lastFramePath!],
      ...['-vf', 'scale=1280:720', '-frames:v', '1', scaled],
    ]);
    expect(psnr(sent, scaled).average).toBeGreaterThanOrEqual(40);
    expect(
      result.warnings.some((warning) => /^Clip 2: .*fitted \(cover\) to 1280x720/.test(warning.message)),
    ).toBe(true);
  });
});

describe('Azure OpenAI Sora 2 (azure-sora): input_reference', () => {
  const ENDPOINT = 'https://video-gen-test.openai.azure.com';
  const KEY = 'azure-test-key';
  const DEPLOYMENT = 'my-sora-2';

  it('sends clip 2 with the boundary frame as a PNG input_reference part to the deployment, byte for byte', async () => {
    const api = azureSoraHandlers({
      endpoint: ENDPOINT,
      apiKey: KEY,
      deployment: DEPLOYMENT,
      video: tinyMp4({ width: 720, height: 1280 }),
    });
    server.use(...api.handlers);

    const { result, boundary } = await twoClips('azure-sora', {
      provider: createAzureSora({ endpoint: ENDPOINT, apiKey: KEY, deployment: DEPLOYMENT }),
      model: 'sora-2',
      width: 720,
      height: 1280,
      durationSeconds: 4,
    });

    const creates = videoCreates(api.requests);
    expect(creates).toHaveLength(2);
    for (const create of creates) {
      expect(create.path).toBe('/openai/v1/videos');
      expect(create.contentType).toBe('multipart/form-data');
      expect(create.headers['api-key']).toBe(KEY);
      expect(create.headers.authorization).toBeUndefined();
    }
    expect(creates[0]!.fields).toMatchObject({ prompt: PROMPTS[0], model: DEPLOYMENT, size: '720x1280' });
    expect(creates[0]!.files).toEqual({});
    expect(creates[1]!.fields).toMatchObject({ prompt: PROMPTS[1], model: DEPLOYMENT, size: '720x1280' });
    const reference = creates[1]!.files.input_reference!;
    expect(reference.contentType).toBe('image/png');
    expect(pngSize(reference.bytes)).toEqual({ width: 720, height: 1280 });
    expect(Buffer.from(reference.bytes).equals(boundary)).toBe(true);
    expect(result).toMatchObject({ provider: 'azure-sora', model: 'sora-2' });
  });
});

describe('Google Veo 3.1 on Vertex AI (veo3): instances[0].image', () => {
  const PROJECT = 'test-project';
  const LOCATION = 'us-central1';
  const TOKEN = 'ya29.test-access-token-0123456789';

  it('sends clip 2 with the boundary frame as base64 bytesBase64Encoded and mimeType image/png', async () => {
    const veo = googleVeoHandlers({
      project: PROJECT,
      location: LOCATION,
      accessToken: TOKEN,
      pollsBeforeDone: 1,
    });
    server.use(...veo.handlers);

    const { result, boundary } = await twoClips('veo3', {
      provider: createVeo3({ project: PROJECT, location: LOCATION, accessToken: TOKEN }),
      model: 'veo-3.1-generate-001',
      width: 1280,
      height: 720,
      durationSeconds: 4,
    });

    const submits = veo.fake.requestsOf('submit');
    expect(submits).toHaveLength(2);
    const host = `https://${LOCATION}-aiplatform.googleapis.com`;
    for (const submit of submits) {
      expect(submit.url).toBe(
        `${host}/v1beta1/projects/${PROJECT}/locations/${LOCATION}/publishers/google/models/veo-3.1-generate-001:predictLongRunning`,
      );
      expect(submit.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
    type Instance = { prompt: string; image?: { bytesBase64Encoded?: string; mimeType?: string } };
    const instances = submits.map((submit) => (submit.body as { instances: Instance[] }).instances);
    expect(instances.map((list) => list.length)).toEqual([1, 1]);
    expect(instances[0]![0]).toEqual({ prompt: PROMPTS[0] });
    expect(instances[1]![0]!.prompt).toBe(PROMPTS[1]);
    const image = instances[1]![0]!.image!;
    expect(Object.keys(image).sort()).toEqual(['bytesBase64Encoded', 'mimeType']);
    expect(image.mimeType).toBe('image/png');
    expect(Buffer.from(image.bytesBase64Encoded!, 'base64').equals(boundary)).toBe(true);
    expect(result).toMatchObject({ provider: 'veo3', model: 'veo-3.1-generate-001' });
  });
});

describe('Runway (runway): promptImage', () => {
  const KEY = 'rw_test_0123456789abcdefSECRET';

  function mockRunway() {
    const runway = runwayHandlers({ apiKey: KEY });
    server.use(...runway.handlers);
    return { runway, provider: createRunway({ apiKey: KEY, baseURL: runway.baseURL, pollIntervalMs: 0 }) };
  }

  it('gen4_turbo: clip 1 with the user’s image, clip 2 with the boundary frame, both as PNG data URIs', async () => {
    const { runway, provider } = mockRunway();
    const start = solidPng(1280, 720, [200, 120, 40]);

    const { result, boundary } = await twoClips('runway-gen4', {
      provider,
      model: 'gen4_turbo',
      width: 1280,
      height: 720,
      durationSeconds: 5,
      firstImages: [start],
    });

    expect(runway.apiRequests('POST', '/v1/text_to_video')).toHaveLength(0);
    const creates = runway.apiRequests('POST', '/v1/image_to_video');
    expect(creates).toHaveLength(2);
    for (const create of creates) expect(create.headers['x-runway-version']).toBe('2024-11-06');
    const bodies = creates.map((create) => create.body as Record<string, unknown>);
    expect(bodies[0]).toMatchObject({
      model: 'gen4_turbo',
      promptText: PROMPTS[0],
      ratio: '1280:720',
      duration: 5,
    });
    expect(pngDataUriBytes(bodies[0]!.promptImage).equals(Buffer.from(start))).toBe(true);
    expect(bodies[1]).toMatchObject({
      model: 'gen4_turbo',
      promptText: PROMPTS[1],
      ratio: '1280:720',
      duration: 5,
    });
    expect(pngDataUriBytes(bodies[1]!.promptImage).equals(boundary)).toBe(true);
    expect(result).toMatchObject({ provider: 'runway', model: 'gen4_turbo' });
  });

  it('veo3.1: clip 1 as text to video, clip 2 as image to video with the boundary frame as a PNG data URI', async () => {
    const { runway, provider } = mockRunway();

    const { result, boundary } = await twoClips('runway-veo', {
      provider,
      model: 'veo3.1',
      width: 1280,
      height: 720,
      durationSeconds: 4,
    });

    const textCreates = runway.apiRequests('POST', '/v1/text_to_video');
    const imageCreates = runway.apiRequests('POST', '/v1/image_to_video');
    expect(textCreates).toHaveLength(1);
    expect(imageCreates).toHaveLength(1);
    const first = textCreates[0]!.body as Record<string, unknown>;
    expect(first).toMatchObject({ model: 'veo3.1', promptText: PROMPTS[0], ratio: '1280:720', duration: 4 });
    expect(first.promptImage).toBeUndefined();
    const second = imageCreates[0]!.body as Record<string, unknown>;
    expect(second).toMatchObject({ model: 'veo3.1', promptText: PROMPTS[1], ratio: '1280:720', duration: 4 });
    // A first frame alone is a plain string, not the [{ uri, position }] form.
    expect(pngDataUriBytes(second.promptImage).equals(boundary)).toBe(true);
    expect(result).toMatchObject({ provider: 'runway', model: 'veo3.1' });
  });
});
