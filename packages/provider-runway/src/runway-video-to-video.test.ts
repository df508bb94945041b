import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApiRequestError, ValidationError } from '@video-gen/core';
import { tinyMp4 } from '@video-gen/testing/loopback';
import { describe, expect, it } from 'vitest';
import { runwayModels } from './runway-models.js';
import { withVideoToVideo } from './runway-video-models.js';
import { API_KEY, generate, rejection, tempDir, testProvider, useMswServer } from './test-support.js';

const { mockRunway } = useMswServer();
const PROMPT = 'Turn the street into a watercolour painting';

function inputVideo(seconds = 1): string {
  const file = path.join(tempDir(), 'input.mp4');
  writeFileSync(file, tinyMp4({ seconds }));
  return file;
}

describe('runway: video_to_video with an uploaded input video', () => {
  it('uploads the video through the uploads API, then posts video_to_video with its runway:// URI', async () => {
    const runway = mockRunway();
    const video = inputVideo();
    const size = tinyMp4({ seconds: 1 }).byteLength;
    const result = await generate(runway, { prompt: PROMPT, model: 'aleph2', video, seed: 7 });

    const [start] = runway.apiRequests('POST', '/v1/uploads');
    expect(start!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(start!.headers['x-runway-version']).toBe('2024-11-06');
    expect(start!.body).toEqual({ filename: 'input-video.mp4', type: 'ephemeral' });
    const storage = runway.requests.filter((r) => r.url.startsWith(runway.uploadOrigin));
    expect(storage).toHaveLength(1);
    expect(storage[0]!.headers.authorization).toBeUndefined();
    expect(storage[0]!.body).toMatchObject({
      key: 'uploads/1/input-video.mp4',
      file: { size, name: 'input-video.mp4' },
    });
    const creates = runway.apiRequests('POST', '/v1/video_to_video');
    expect(creates).toHaveLength(1);
    expect(creates[0]!.headers['x-runway-version']).toBe('2024-11-06');
    expect(creates[0]!.body).toEqual({
      model: 'aleph2',
      videoUri: 'runway://uploads/1/input-video.mp4',
      promptText: PROMPT,
      seed: 7,
    });
    expect(runway.apiRequests('POST', '/v1/image_to_video')).toHaveLength(0);
    expect(result.model).toBe('aleph2');
    expect(result.warnings.map((w) => w.feature)).toContain('durationSeconds');
  });

  it('sends promptVideo, ratio and duration for seedance2, and an https video URL as is', async () => {
    const runway = mockRunway();
    await generate(runway, {
      prompt: PROMPT,
      model: 'seedance2',
      video: 'https://assets.example.com/clips/in.mp4',
      width: 1280,
      height: 720,
      durationSeconds: 6,
      audio: false,
    });
    expect(runway.apiRequests('POST', '/v1/uploads')).toHaveLength(0);
    expect(runway.apiRequests('POST', '/v1/video_to_video')[0]!.body).toEqual({
      model: 'seedance2',
      promptVideo: 'https://assets.example.com/clips/in.mp4',
      promptText: PROMPT,
      ratio: '1280:720',
      duration: 6,
      audio: false,
    });
  });

  it('sends mode extend without a ratio for seedance2_5', async () => {
    const runway = mockRunway();
    await generate(runway, {
      prompt: 'The camera keeps flying over the ridge',
      model: 'seedance2_5',
      video: inputVideo(),
      videoUse: 'extend',
      durationSeconds: 5,
    });
    expect(runway.apiRequests('POST', '/v1/video_to_video')[0]!.body).toEqual({
      model: 'seedance2_5',
      promptVideo: 'runway://uploads/1/input-video.mp4',
      promptText: 'The camera keeps flying over the ridge',
      mode: 'extend',
      duration: 5,
    });
  });

  it('sends ratio and resolution labels for hailuo3 and videoUri for gemini_omni_flash', async () => {
    const runway = mockRunway();
    await generate(runway, {
      prompt: PROMPT,
      model: 'hailuo3',
      video: 'https://a.example.com/v.mp4',
      width: 1366,
      height: 768,
      durationSeconds: 6,
    });
    await generate(runway, {
      prompt: PROMPT,
      model: 'gemini_omni_flash',
      video: 'https://a.example.com/v.mp4',
    });
    const [hailuo, omni] = runway.apiRequests('POST', '/v1/video_to_video');
    expect(hailuo!.body).toEqual({
      model: 'hailuo3',
      promptVideo: 'https://a.example.com/v.mp4',
      promptText: PROMPT,
      ratio: '16:9',
      resolution: '768p',
      duration: 6,
    });
    expect(omni!.body).toEqual({
      model: 'gemini_omni_flash',
      videoUri: 'https://a.example.com/v.mp4',
      promptText: PROMPT,
    });
  });

  it("maps Runway's 400 validation answer to an ApiRequestError carrying its issues", async () => {
    const runway = mockRunway();
    // A handcrafted call the validation cannot refuse: a URL Runway rejects for its scheme is not
    // possible here (https only), so an unknown upload stands in for Runway's own refusal.
    const provider = testProvider(runway);
    const error = await rejection(
      provider.submit(
        {
          prompt: PROMPT,
          model: provider.models.find((m) => m.id === 'aleph2')!,
          width: 1280,
          height: 720,
          fps: 24,
          durationSeconds: 5,
          seed: undefined,
          negativePrompt: undefined,
          audio: undefined,
          firstFrame: undefined,
          lastFrame: undefined,
          referenceImages: [],
          video: { kind: 'url', url: 'runway://uploads/999/missing.mp4', use: 'edit', source: 'x' },
          providerOptions: {},
          idempotencyKey: 'k',
        },
        {
          signal: new AbortController().signal,
          logger: { debug() {}, info() {}, warn() {}, error() {} },
        } as never,
      ),
    );
    expect(ApiRequestError.isInstance(error)).toBe(true);
    expect((error as ApiRequestError).status).toBe(400);
    expect(error.message).toContain('videoUri');
  });

  it('refuses a video-only model without a video, and an image with a video, before any request', async () => {
    const runway = mockRunway();
    const missing = await rejection(generate(runway, { prompt: PROMPT, model: 'aleph2' }));
    expect(ValidationError.isInstance(missing)).toBe(true);
    expect(missing.message).toContain('aleph2 needs an input video');
    const withImage = await rejection(
      generate(runway, {
        prompt: PROMPT,
        model: 'aleph2',
        video: inputVideo(),
        firstFrame: 'https://a.example.com/f.png',
      }),
    );
    expect(ValidationError.isInstance(withImage)).toBe(true);
    expect(runway.requests).toHaveLength(0);
  });

  it('refuses an input longer than 15 s for seedance2 and a use the model lacks, before any request', async () => {
    const runway = mockRunway();
    const long = await rejection(
      generate(runway, {
        prompt: PROMPT,
        model: 'seedance2',
        video: inputVideo(16),
        width: 1280,
        height: 720,
      }),
    );
    expect(long.message).toContain('seedance2 takes at most 15 s');
    const extend = await rejection(
      generate(runway, { prompt: PROMPT, model: 'aleph2', video: inputVideo(), videoUse: 'extend' }),
    );
    expect(extend.message).toContain('aleph2 does not extend a video');
    expect(extend.message).toContain('seedance2_5');
    expect(runway.requests).toHaveLength(0);
  });

  it('adds videoInput to a table model of the same id instead of a second entry', () => {
    const base = runwayModels[0]!;
    const merged = withVideoToVideo([{ ...base, id: 'seedance2' }]);
    expect(merged.filter((m) => m.id === 'seedance2')).toHaveLength(1);
    expect(merged[0]!.videoInput).toMatchObject({ uses: ['reference'] });
    expect(merged[0]!.videoInput?.required).toBeUndefined();
    expect(merged.find((m) => m.id === 'aleph2')?.videoInput?.required).toBe(true);
  });
});
