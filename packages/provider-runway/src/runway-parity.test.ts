import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '@video-gen/core';
import { solidPng } from '@video-gen/testing';
import { describe, expect, it } from 'vitest';
import {
  generateVideoWithRunway,
  generateVideoWithRunwayVeo,
  RunwayGen4Client,
  RunwayVeoClient,
} from './runway-parity.js';
import { API_KEY, boxType, FAST, rejection, tempDir, useMswServer } from './test-support.js';

const { mockRunway } = useMswServer();
const PROMPT = 'Steam rising from a cup of coffee';

async function pngFile(name: string, rgb: [number, number, number] = [10, 120, 200]): Promise<string> {
  const file = path.join(tempDir(), name);
  await writeFile(file, solidPng(32, 18, rgb));
  return file;
}

describe('Python parity: generateVideoWithRunway and RunwayGen4Client', () => {
  it('runs Gen-4 Turbo with the one image as first frame', async () => {
    const runway = mockRunway();
    const config = { apiKey: API_KEY, baseURL: runway.baseURL, pollIntervalMs: 0 };
    const image = await pngFile('start.png');
    const result = await generateVideoWithRunway(PROMPT, [image], {
      config,
      durationSeconds: 10,
      outPath: path.join(tempDir(), 'gen4.mp4'),
      ...FAST,
    });
    expect(result.model).toBe('gen4_turbo');
    expect(await boxType(result.path)).toBe('ftyp');
    expect(runway.apiRequests('POST', '/v1/image_to_video')[0]!.body).toMatchObject({
      model: 'gen4_turbo',
      duration: 10,
      promptImage: expect.stringMatching(/^data:image\/png;base64,/),
    });
  });

  it('refuses more than one image, and no image, before any request', async () => {
    const runway = mockRunway();
    const config = { apiKey: API_KEY, baseURL: runway.baseURL };
    const image = await pngFile('a.png');
    const two = await rejection(generateVideoWithRunway(PROMPT, [image, image], { config }));
    expect(ValidationError.isInstance(two)).toBe(true);
    expect(two.message).toBe('Runway Gen-4 takes one image (its first frame); got 2.');
    const none = await rejection(
      generateVideoWithRunway(PROMPT, [], { config, outPath: path.join(tempDir(), 'x.mp4') }),
    );
    expect(ValidationError.isInstance(none)).toBe(true);
    expect(runway.requests).toHaveLength(0);
  });

  it('RunwayGen4Client holds its config and returns the output path', async () => {
    const runway = mockRunway();
    const client = new RunwayGen4Client({ apiKey: API_KEY, baseURL: runway.baseURL, pollIntervalMs: 0 });
    const outPath = path.join(tempDir(), 'client.mp4');
    const written = await client.generate(PROMPT, [await pngFile('c.png')], { outPath, ...FAST });
    expect(written).toBe(outPath);
    expect(await boxType(written)).toBe('ftyp');
  });
});

describe('Python parity: generateVideoWithRunwayVeo and RunwayVeoClient', () => {
  it('runs Veo 3.1 with an explicit first and last frame', async () => {
    const runway = mockRunway();
    const result = await generateVideoWithRunwayVeo(PROMPT, [], {
      config: { apiKey: API_KEY, baseURL: runway.baseURL, pollIntervalMs: 0 },
      firstFrame: await pngFile('first.png', [255, 0, 0]),
      lastFrame: await pngFile('last.png', [0, 255, 0]),
      outPath: path.join(tempDir(), 'veo.mp4'),
      ...FAST,
    });
    expect(result.model).toBe('veo3.1');
    const body = runway.apiRequests('POST', '/v1/image_to_video')[0]!.body as {
      promptImage: { position: string }[];
    };
    expect(body.promptImage.map((entry) => entry.position)).toEqual(['first', 'last']);
  });

  it('refuses more than 3 reference images, and references Runway Veo does not take, before any request', async () => {
    const runway = mockRunway();
    const config = { apiKey: API_KEY, baseURL: runway.baseURL };
    const image = await pngFile('r.png');
    const four = await rejection(
      generateVideoWithRunwayVeo(PROMPT, [image, image, image, image], { config, firstFrame: image }),
    );
    expect(four.message).toBe('Runway Veo takes at most 3 reference images; got 4.');
    const one = await rejection(
      generateVideoWithRunwayVeo(PROMPT, [image], {
        config,
        firstFrame: image,
        outPath: path.join(tempDir(), 'r.mp4'),
      }),
    );
    expect(ValidationError.isInstance(one)).toBe(true);
    expect(one.message).toContain('veo3.1 takes no reference images');
    expect(runway.requests).toHaveLength(0);
  });

  it('RunwayVeoClient uses the first file path as the first frame, text-to-video without any, and takes veo3.1_fast', async () => {
    const runway = mockRunway();
    const client = new RunwayVeoClient({ apiKey: API_KEY, baseURL: runway.baseURL, pollIntervalMs: 0 });
    const withImage = await client.generate(PROMPT, [await pngFile('v.png')], {
      outPath: path.join(tempDir(), 'v1.mp4'),
      ...FAST,
    });
    expect(await boxType(withImage)).toBe('ftyp');
    await client.generate(PROMPT, [], {
      model: 'veo3.1_fast',
      durationSeconds: 4,
      outPath: path.join(tempDir(), 'v2.mp4'),
      ...FAST,
    });
    expect(runway.apiRequests('POST', '/v1/image_to_video')[0]!.body).toMatchObject({ model: 'veo3.1' });
    expect(runway.apiRequests('POST', '/v1/text_to_video')[0]!.body).toMatchObject({
      model: 'veo3.1_fast',
      duration: 4,
    });
  });
});
