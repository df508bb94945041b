import type { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApiRequestError, generateVideo, ValidationError } from '@video-gen/core';
import { solidPng, tinyMp4 } from '@video-gen/testing';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_TOKEN,
  enterpriseConfig,
  FAST,
  LOCATION,
  mswServer,
  outPath,
  PROJECT,
  rejection,
  useVeo,
} from './test-helpers.js';
import { createVeo3 } from './veo3-provider.js';

const server = mswServer();
const HOST = `https://${LOCATION}-aiplatform.googleapis.com`;
const MODEL_PATH = `/v1beta1/projects/${PROJECT}/locations/${LOCATION}/publishers/google/models`;
const PROMPT = 'The wave breaks and the camera keeps rising';

function extend(options: Partial<Parameters<typeof generateVideo>[0]> = {}) {
  return generateVideo({
    provider: createVeo3(enterpriseConfig),
    prompt: PROMPT,
    outPath: outPath(),
    durationSeconds: 8,
    ...FAST,
    ...options,
  });
}

function clipFile(seconds = 1): { file: string; bytes: Buffer } {
  const bytes = tinyMp4({ seconds });
  const file = path.join(path.dirname(outPath()), 'previous.mp4');
  writeFileSync(file, bytes);
  return { file, bytes };
}

describe('veo3: Veo 3.1 video extension on Vertex AI', () => {
  it('sends the input video inline as instances[0].video.bytesBase64Encoded', async () => {
    const fake = useVeo(server);
    const { file, bytes } = clipFile();
    const result = await extend({ video: file });
    const [submit] = fake.requestsOf('submit');
    expect(submit!.method).toBe('POST');
    expect(submit!.url).toBe(`${HOST}${MODEL_PATH}/veo-3.1-generate-001:predictLongRunning`);
    expect(submit!.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(submit!.headers['content-type']).toContain('application/json');
    // The operation is polled with the same credentials, at the model's fetchPredictOperation.
    const polls = fake.requestsOf('poll');
    expect(polls.length).toBeGreaterThan(0);
    for (const poll of polls) {
      expect(poll.method).toBe('POST');
      expect(poll.url).toBe(`${HOST}${MODEL_PATH}/veo-3.1-generate-001:fetchPredictOperation`);
      expect(poll.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    }
    expect(submit!.body).toEqual({
      instances: [
        {
          prompt: PROMPT,
          video: { bytesBase64Encoded: bytes.toString('base64'), mimeType: 'video/mp4' },
        },
      ],
      parameters: {
        sampleCount: 1,
        durationSeconds: 8,
        aspectRatio: '16:9',
        resolution: '720p',
        generateAudio: true,
      },
    });
    expect(result.model).toBe('veo-3.1-generate-001');
  });

  it('sends a gs:// input as instances[0].video.gcsUri', async () => {
    const fake = useVeo(server);
    await extend({
      model: 'veo-3.1-fast-generate-001',
      video: 'gs://my-bucket/clips/shot1.mp4',
      audio: false,
    });
    expect(fake.requestsOf('submit')[0]!.body).toEqual({
      instances: [
        { prompt: PROMPT, video: { gcsUri: 'gs://my-bucket/clips/shot1.mp4', mimeType: 'video/mp4' } },
      ],
      parameters: {
        sampleCount: 1,
        durationSeconds: 8,
        aspectRatio: '16:9',
        resolution: '720p',
        generateAudio: false,
      },
    });
  });

  it("maps Vertex's INVALID_ARGUMENT answer to an ApiRequestError", async () => {
    useVeo(server, {
      failures: [{ on: 'submit', status: 400, message: 'Input video must be 720p or 1080p.' }],
    });
    const { file } = clipFile();
    const error = await rejection(extend({ video: file }));
    expect(ApiRequestError.isInstance(error)).toBe(true);
    expect((error as ApiRequestError).status).toBe(400);
    expect(error.message).toContain('Input video must be 720p or 1080p.');
  });

  it('refuses an https input, a first frame beside the video, and Veo 3.0, before any request', async () => {
    const fake = useVeo(server);
    const { file } = clipFile();
    const https = await rejection(extend({ video: 'https://cdn.example.com/a.mp4' }));
    expect(https.message).toContain('gs://');
    const withFrame = await rejection(extend({ video: file, firstFrame: solidPng(64, 36) }));
    expect(ValidationError.isInstance(withFrame)).toBe(true);
    expect(withFrame.message).toContain('extends a video without images');
    const veo30 = await rejection(
      extend({ model: 'veo-3.0-generate-001', video: file, allowRetiredModels: true }),
    );
    expect(veo30.message).toContain('veo-3.0-generate-001 takes no input video');
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses an input that would pass the ~37 s total, before any request', async () => {
    const fake = useVeo(server);
    const { file } = clipFile(31);
    const error = await rejection(extend({ video: file }));
    expect(error.message).toContain('takes at most 30 s');
    expect(error.message).toContain('longer than the 37 s');
    expect(fake.requests).toHaveLength(0);
  });
});
