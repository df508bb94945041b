import path from 'node:path';
import { generateVideo } from '@video-gen/core';
import { describe, expect, it } from 'vitest';
import { RunwayConfig } from './runway-config.js';
import { runwayModels } from './runway-models.js';
import { createRunway, plugin } from './runway-provider.js';
import { API_KEY, boxType, FAST, tempDir, useMswServer } from './test-support.js';

const { mockRunway } = useMswServer();

describe('runway plugin and config', () => {
  it('registers as runway from @video-gen/provider-runway', () => {
    expect(plugin).toMatchObject({ id: 'runway', packageName: '@video-gen/provider-runway' });
    expect(plugin.environmentVariables).toEqual([
      'RUNWAYML_API_SECRET',
      'RUNWAY_API_KEY',
      'RUNWAYML_BASE_URL',
      'RUNWAY_POLL_INTERVAL_MS',
    ]);
    expect(plugin.create({ apiKey: 'rw_x_12345678' }).id).toBe('runway');
  });

  it('has credentials when RUNWAYML_API_SECRET or RUNWAY_API_KEY is set', () => {
    expect(plugin.hasCredentials!({ RUNWAYML_API_SECRET: 'key_1234567890' })).toBe(true);
    expect(plugin.hasCredentials!({ RUNWAY_API_KEY: 'key_1234567890' })).toBe(true);
    expect(plugin.hasCredentials!({ RUNWAYML_API_SECRET: '  ', OPENAI_API_KEY: 'sk' })).toBe(false);
    expect(plugin.hasCredentials!({})).toBe(false);
  });

  it('fromEnvironment prefers RUNWAYML_API_SECRET and fills the defaults', () => {
    const config = RunwayConfig.fromEnvironment({
      env: { RUNWAYML_API_SECRET: 'rw_primary_12345678', RUNWAY_API_KEY: 'rw_fallback_12345678' },
      envFile: false,
    });
    expect(config).toEqual({
      apiKey: 'rw_primary_12345678',
      baseURL: 'https://api.dev.runwayml.com',
      apiVersion: '2024-11-06',
      pollIntervalMs: 0,
    });
  });

  it('refuses unknown config keys and a bad base URL', () => {
    expect(() => RunwayConfig.parse({ apiKey: 'rw_12345678', baseUrl: 'https://x' })).toThrow(/baseUrl/);
    expect(() => RunwayConfig.parse({ apiKey: 'rw_12345678', baseURL: 'ftp://x' })).toThrow(
      /baseURL is invalid/,
    );
  });

  it('creating a provider reads nothing and throws nothing', () => {
    expect(() => createRunway()).not.toThrow();
    // The table plus the video_to_video models (runway-video-models.ts), built once.
    expect(createRunway().models).toBe(createRunway().models);
    expect(
      createRunway()
        .models.slice(0, runwayModels.length)
        .map((m) => m.id),
    ).toEqual(runwayModels.map((m) => m.id));
  });

  it('declares its models with Runway ratios as sizes and a fixed 24 fps', () => {
    expect(runwayModels.map((m) => m.id)).toEqual([
      'gen4_turbo',
      'gen4.5',
      'veo3.1',
      'veo3.1_fast',
      'gemini_omni_flash',
      'gemini_omni_flash_1.1',
      'hailuo3',
      'h3_max',
      'happyhorse_1_0',
      'seedance2',
      'seedance2_fast',
      'seedance2_mini',
      'seedance2_5',
      'wan3',
      'wan3_prime',
      'grok_imagine_1_5',
    ]);
    const turbo = runwayModels[0]!;
    expect(turbo.images).toMatchObject({
      firstFrame: true,
      firstFrameRequired: true,
      lastFrame: false,
      maxReferenceImages: 0,
    });
    expect(turbo.sizes).toContainEqual({ width: 1584, height: 672, label: '1584:672' });
    const veo = runwayModels.find((m) => m.id === 'veo3.1')!;
    expect(veo).toMatchObject({
      durations: [4, 6, 8],
      audio: 'optional',
      negativePrompt: true,
      seed: true,
      fps: [24],
    });
    expect(veo.images).toMatchObject({ firstFrame: true, lastFrame: true });
  });

  it("resolves provider: 'runway' through the registry, with providerConfig", async () => {
    const runway = mockRunway();
    const result = await generateVideo({
      provider: 'runway',
      providerConfig: { apiKey: API_KEY, baseURL: runway.baseURL, pollIntervalMs: 0 },
      model: 'gen4.5',
      prompt: 'A registry round trip',
      outPath: path.join(tempDir(), 'registry.mp4'),
      ...FAST,
    });
    expect(result.provider).toBe('runway');
    expect(await boxType(result.path)).toBe('ftyp');
    expect(runway.apiRequests('POST', '/v1/text_to_video')).toHaveLength(1);
  });
});
