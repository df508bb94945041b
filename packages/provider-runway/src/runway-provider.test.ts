import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProgressEvent } from '@video-gen/core';
import { solidPng } from '@video-gen/testing';
import { describe, expect, it } from 'vitest';
import { API_KEY, boxType, generate, tempDir, useMswServer } from './test-support.js';

const { mockRunway } = useMswServer();
const PROMPT = 'A lighthouse beam sweeping over a stormy sea';

/** Headers every Runway API call must carry. */
function expectRunwayHeaders(headers: Readonly<Record<string, string>>) {
  expect(headers.authorization).toBe(`Bearer ${API_KEY}`);
  expect(headers['x-runway-version']).toBe('2024-11-06');
}

describe('runway provider: Gen-4 Turbo (image-to-video)', () => {
  it('posts the first frame as a data URI with ratio, duration and seed, polls the task and downloads the output', async () => {
    const runway = mockRunway();
    const frame = solidPng(64, 36, [200, 50, 50]);
    const events: ProgressEvent[] = [];
    const result = await generate(runway, {
      prompt: PROMPT,
      model: 'gen4_turbo',
      images: [frame],
      width: 1584,
      height: 672,
      durationSeconds: 10,
      seed: 42,
      onProgress: (event) => events.push(event),
    });

    const creates = runway.apiRequests('POST', '/v1/image_to_video');
    expect(creates).toHaveLength(1);
    const create = creates[0]!;
    expect(create.url).toBe('https://api.dev.runwayml.com/v1/image_to_video');
    expectRunwayHeaders(create.headers);
    expect(create.headers['content-type']).toContain('application/json');
    expect(create.body).toEqual({
      model: 'gen4_turbo',
      promptText: PROMPT,
      ratio: '1584:672',
      duration: 10,
      seed: 42,
      promptImage: `data:image/png;base64,${Buffer.from(frame).toString('base64')}`,
    });

    const polls = runway.apiRequests('GET', '/v1/tasks/');
    // PENDING, RUNNING, SUCCEEDED; download() reuses the SUCCEEDED task's output URL.
    expect(polls).toHaveLength(3);
    for (const poll of polls) expectRunwayHeaders(poll.headers);
    const downloads = runway.requests.filter((r) => r.url.startsWith(runway.outputOrigin));
    expect(downloads).toHaveLength(1);
    // The output URL is signed and on a CDN origin: the key must never go there.
    expect(downloads[0]!.headers.authorization).toBeUndefined();

    expect(await boxType(result.path)).toBe('ftyp');
    expect(result).toMatchObject({
      provider: 'runway',
      model: 'gen4_turbo',
      width: 1584,
      height: 672,
      fps: 24,
    });
    expect(result.usage).toEqual({ seconds: 10, cost: { amount: 50, currency: 'credits' } });
    expect(events.some((e) => e.phase === 'queued')).toBe(true);
    expect(events.find((e) => e.phase === 'running')?.progress).toBe(0.4);
    expect(existsSync(`${result.path}.job.json`)).toBe(false);
  });

  it('passes an https image URL through untouched, and a file path as a data URI', async () => {
    const runway = mockRunway();
    await generate(runway, {
      prompt: PROMPT,
      model: 'gen4_turbo',
      firstFrame: 'https://assets.example.com/frames/start.jpg',
    });
    expect(runway.apiRequests('POST', '/v1/image_to_video')[0]!.body).toMatchObject({
      promptImage: 'https://assets.example.com/frames/start.jpg',
      ratio: '1280:720',
      duration: 5,
    });

    const file = path.join(tempDir(), 'start.webp');
    const png = solidPng(32, 32);
    await writeFile(file, png);
    const again = mockRunway();
    await generate(again, { prompt: PROMPT, images: [file] });
    expect(again.apiRequests('POST', '/v1/image_to_video')[0]!.body).toMatchObject({
      model: 'gen4_turbo',
      // Typed by its bytes, not its misleading extension.
      promptImage: `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
    });
  });

  it('uploads an image over the 5 MB data-URI limit and sends its runway:// URI', async () => {
    const runway = mockRunway();
    // A valid PNG header followed by padding: 4 MB of bytes is about 5.6 MB as base64.
    const big = new Uint8Array(4 * 1024 * 1024);
    big.set(solidPng(64, 36));
    await generate(runway, { prompt: PROMPT, model: 'gen4_turbo', firstFrame: big });

    const [start] = runway.apiRequests('POST', '/v1/uploads');
    expect(start).toBeDefined();
    expectRunwayHeaders(start!.headers);
    expect(start!.body).toEqual({ filename: 'first-frame.png', type: 'ephemeral' });
    const storage = runway.requests.filter((r) => r.url.startsWith(runway.uploadOrigin));
    expect(storage).toHaveLength(1);
    expect(storage[0]!.method).toBe('POST');
    expect(storage[0]!.headers.authorization).toBeUndefined();
    expect(storage[0]!.body).toMatchObject({
      key: 'uploads/1/first-frame.png',
      file: { size: big.byteLength, name: 'first-frame.png' },
    });
    expect(runway.apiRequests('POST', '/v1/image_to_video')[0]!.body).toMatchObject({
      promptImage: 'runway://uploads/1/first-frame.png',
    });
  });

  it('sends content moderation settings from providerOptions.runway', async () => {
    const runway = mockRunway();
    await generate(runway, {
      prompt: PROMPT,
      model: 'gen4_turbo',
      images: [solidPng(16, 16)],
      providerOptions: { runway: { contentModeration: { publicFigureThreshold: 'low' } } },
    });
    expect(runway.apiRequests('POST', '/v1/image_to_video')[0]!.body).toMatchObject({
      contentModeration: { publicFigureThreshold: 'low' },
    });
  });
});

describe('runway provider: Gen-4.5 (text- and image-to-video)', () => {
  it('uses text_to_video without an image', async () => {
    const runway = mockRunway();
    const result = await generate(runway, {
      prompt: PROMPT,
      model: 'gen4.5',
      width: 720,
      height: 1280,
      durationSeconds: 7,
    });
    const [create] = runway.apiRequests('POST', '/v1/text_to_video');
    expect(create!.url).toBe('https://api.dev.runwayml.com/v1/text_to_video');
    expectRunwayHeaders(create!.headers);
    expect(create!.body).toEqual({ model: 'gen4.5', promptText: PROMPT, ratio: '720:1280', duration: 7 });
    expect(runway.apiRequests('POST', '/v1/image_to_video')).toHaveLength(0);
    expect(await boxType(result.path)).toBe('ftyp');
  });

  it('uses image_to_video with a first frame, at a ratio only image-to-video takes', async () => {
    const runway = mockRunway();
    await generate(runway, {
      prompt: PROMPT,
      model: 'gen4.5',
      firstFrame: solidPng(16, 16),
      width: 960,
      height: 960,
      durationSeconds: 2,
    });
    expect(runway.apiRequests('POST', '/v1/image_to_video')[0]!.body).toMatchObject({
      model: 'gen4.5',
      ratio: '960:960',
      duration: 2,
      promptImage: expect.stringMatching(/^data:image\/png;base64,/),
    });
  });
});

describe('runway provider: Veo 3.1 and Veo 3.1 Fast', () => {
  it('sends first and last frames as promptImage positions, with audio, negative prompt and seed', async () => {
    const runway = mockRunway();
    const first = solidPng(16, 16, [255, 0, 0]);
    const last = solidPng(16, 16, [0, 0, 255]);
    const result = await generate(runway, {
      prompt: PROMPT,
      model: 'veo3.1',
      firstFrame: first,
      lastFrame: last,
      width: 1920,
      height: 1080,
      durationSeconds: 6,
      audio: true,
      negativePrompt: 'text, watermarks',
      seed: 7,
    });
    const [create] = runway.apiRequests('POST', '/v1/image_to_video');
    expectRunwayHeaders(create!.headers);
    expect(create!.body).toEqual({
      model: 'veo3.1',
      promptText: PROMPT,
      ratio: '1920:1080',
      duration: 6,
      seed: 7,
      audio: true,
      negativePrompt: 'text, watermarks',
      promptImage: [
        { uri: `data:image/png;base64,${Buffer.from(first).toString('base64')}`, position: 'first' },
        { uri: `data:image/png;base64,${Buffer.from(last).toString('base64')}`, position: 'last' },
      ],
    });
    expect(result.usage?.cost).toEqual({ amount: 240, currency: 'credits' });
  });

  it('sends a lone first frame as a string', async () => {
    const runway = mockRunway();
    await generate(runway, { prompt: PROMPT, model: 'veo3.1', images: [solidPng(16, 16)] });
    const body = runway.apiRequests('POST', '/v1/image_to_video')[0]!.body as { promptImage: unknown };
    expect(typeof body.promptImage).toBe('string');
  });

  it('runs Veo 3.1 Fast as text-to-video in portrait, leaving audio out when not asked', async () => {
    const runway = mockRunway();
    await generate(runway, {
      prompt: PROMPT,
      model: 'veo3.1_fast',
      width: 1080,
      height: 1920,
      durationSeconds: 4,
    });
    expect(runway.apiRequests('POST', '/v1/text_to_video')[0]!.body).toEqual({
      model: 'veo3.1_fast',
      promptText: PROMPT,
      ratio: '1080:1920',
      duration: 4,
    });
  });

  it('warns that Veo ignores contentModeration and does not send it', async () => {
    const runway = mockRunway();
    const result = await generate(runway, {
      prompt: PROMPT,
      model: 'veo3.1',
      providerOptions: { runway: { contentModeration: { publicFigureThreshold: 'auto' } } },
    });
    expect(runway.apiRequests('POST', '/v1/text_to_video')[0]!.body).not.toHaveProperty('contentModeration');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ type: 'unsupported', feature: 'providerOptions.runway.contentModeration' }),
    );
  });
});
