import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { solidPng, tinyMp4 } from '@video-gen/testing';
import { describe, expect, it } from 'vitest';
import { enterpriseConfig, FAST, mswServer, outPath, useVeo } from './test-helpers.js';
import { generateVideoWithVeo3, Veo3APIClient } from './veo3-parity.js';

const server = mswServer();
const png = solidPng(32, 18);

describe('Python parity', () => {
  it('generateVideoWithVeo3 sends sourceFrame as the first frame and writes every sample', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0 });
    const out = outPath('parity.mp4');
    const result = await generateVideoWithVeo3('a paper boat on a stream', [], {
      config: enterpriseConfig,
      sourceFrame: png,
      sampleCount: 2,
      personGeneration: 'dont_allow',
      outPath: out,
      ...FAST,
    });
    const body = fake.requestsOf('submit')[0]!.body as {
      instances: Record<string, unknown>[];
      parameters: Record<string, unknown>;
    };
    expect(body.instances[0]!.image).toEqual({
      bytesBase64Encoded: Buffer.from(png).toString('base64'),
      mimeType: 'image/png',
    });
    expect(body.parameters).toMatchObject({ sampleCount: 2, personGeneration: 'dont_allow' });
    expect(result.paths).toEqual([out, out.replace(/\.mp4$/, '-2.mp4')]);
    for (const file of result.paths) expect(readFileSync(file).equals(tinyMp4())).toBe(true);
  });

  it('Veo3APIClient.generate sends file paths as reference images and returns the video path', async () => {
    const fake = useVeo(server, { pollsBeforeDone: 0 });
    const client = new Veo3APIClient(enterpriseConfig);
    const out = outPath('client.mp4');
    const file = await client.generate('a lighthouse in a storm', [png, png], { outPath: out, ...FAST });
    expect(file).toBe(out);
    const instance = (fake.requestsOf('submit')[0]!.body as { instances: Record<string, unknown>[] })
      .instances[0]!;
    expect(instance.referenceImages).toHaveLength(2);
    expect(instance.image).toBeUndefined();
  });
});
