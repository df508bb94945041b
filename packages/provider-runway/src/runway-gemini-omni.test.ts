import { solidPng } from '@video-gen/testing';
import { describe, expect, it } from 'vitest';
import { generate, useMswServer } from './test-support.js';

const { mockRunway } = useMswServer();
const PROMPT = 'A paper lantern rising over a dark lake';

describe('runway provider: Gemini Omni Flash (from the SDK 4.20.1 catalogue)', () => {
  it('gemini_omni_flash text-to-video: posts model, promptText, ratio and duration, and no seed (the model takes none)', async () => {
    const runway = mockRunway();
    const result = await generate(runway, {
      prompt: PROMPT,
      model: 'gemini_omni_flash',
      width: 720,
      height: 1280,
      durationSeconds: 3,
      seed: 7,
    });
    const creates = runway.apiRequests('POST', '/v1/text_to_video');
    expect(creates).toHaveLength(1);
    expect(creates[0]!.body).toEqual({
      model: 'gemini_omni_flash',
      promptText: PROMPT,
      ratio: '720:1280',
      duration: 3,
    });
    expect(result.warnings).toContainEqual(expect.objectContaining({ type: 'unsupported', feature: 'seed' }));
    expect(result.usage).toEqual({ seconds: 3, cost: { amount: 60, currency: 'credits' } });
  });

  it('gemini_omni_flash_1.1 image-to-video: first and last frame by position, at 4K', async () => {
    const runway = mockRunway();
    const first = solidPng(64, 36, [10, 20, 30]);
    const last = solidPng(64, 36, [200, 100, 0]);
    await generate(runway, {
      prompt: PROMPT,
      model: 'gemini_omni_flash_1.1',
      firstFrame: first,
      lastFrame: last,
      width: 3840,
      height: 2160,
      durationSeconds: 10,
    });
    const creates = runway.apiRequests('POST', '/v1/image_to_video');
    expect(creates[0]!.body).toEqual({
      model: 'gemini_omni_flash_1.1',
      promptText: PROMPT,
      ratio: '3840:2160',
      duration: 10,
      promptImage: [
        { uri: `data:image/png;base64,${Buffer.from(first).toString('base64')}`, position: 'first' },
        { uri: `data:image/png;base64,${Buffer.from(last).toString('base64')}`, position: 'last' },
      ],
    });
  });

  it('refuses what the SDK types do not allow before any call: 2 s, a last frame on gemini_omni_flash, a Gen-4 ratio', async () => {
    const runway = mockRunway();
    const frame = solidPng(64, 36);
    await expect(
      generate(runway, { prompt: PROMPT, model: 'gemini_omni_flash', durationSeconds: 2 }),
    ).rejects.toThrow('2 s is not allowed; gemini_omni_flash takes 3 s to 10 s');
    await expect(
      generate(runway, { prompt: PROMPT, model: 'gemini_omni_flash', firstFrame: frame, lastFrame: frame }),
    ).rejects.toThrow(/lastFrame/);
    await expect(
      generate(runway, { prompt: PROMPT, model: 'gemini_omni_flash_1.1', width: 1584, height: 672 }),
    ).rejects.toThrow('1584x672 is not allowed');
    expect(runway.requests).toHaveLength(0);
  });

  it('leaves contentModeration out for a model whose params lack it, with a warning', async () => {
    const runway = mockRunway();
    const result = await generate(runway, {
      prompt: PROMPT,
      model: 'gemini_omni_flash',
      providerOptions: { runway: { contentModeration: { publicFigureThreshold: 'low' } } },
    });
    expect(runway.apiRequests('POST', '/v1/text_to_video')[0]!.body).not.toHaveProperty('contentModeration');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ feature: 'providerOptions.runway.contentModeration' }),
    );
  });
});
