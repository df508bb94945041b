import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFal } from '@ai-sdk/fal';
import type { Experimental_VideoModelV4OperationWebhook as Webhook } from '@ai-sdk/provider';
import { generateVideo } from '@video-gen/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fromAiSdk } from '../src/index.js';
import { FAL_KEY, FAL_QUEUE, falFake } from './fal-fake.js';

const MODEL = 'luma-dream-machine/ray-2';
const HOOK = 'https://hooks.example.test/fal/7f3a';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-ai-sdk-webhook-'));
});
afterEach(() => {
  server.resetHandlers();
  rmSync(dir, { recursive: true, force: true });
});

const FAST = { poll: { initialIntervalMs: 5, maxIntervalMs: 20 }, retry: { minDelayMs: 5, maxDelayMs: 20 } };

describe('fromAiSdk webhooks (fal)', () => {
  it('registers the webhook with the submit and asks fal only once the callback came', async () => {
    const fake = falFake({ pendingPolls: 0 });
    server.use(...fake.handlers);
    let deliver: (webhook: Webhook) => void = () => {};
    const received = new Promise<Webhook>((resolve) => {
      deliver = resolve;
    });
    const provider = fromAiSdk(createFal({ apiKey: FAL_KEY }).video(MODEL), {
      id: 'fal',
      webhook: async () => ({ url: HOOK, received }),
    });
    const run = generateVideo({ provider, prompt: 'x', outPath: path.join(dir, 'hook.mp4'), ...FAST });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(fake.submits()).toHaveLength(1);
    expect(fake.submits()[0]?.url).toBe(
      `${FAL_QUEUE}/fal-ai/${MODEL}?fal_webhook=${encodeURIComponent(HOOK)}`,
    );
    // Waiting for the callback: no status request reached fal.
    expect(fake.polls()).toHaveLength(0);
    deliver({ headers: {}, body: { status: 'OK', request_id: 'x' } });
    const result = await run;
    expect(result.bytes).toBeGreaterThan(0);
    expect(fake.polls()).toHaveLength(1);
  });

  it('falls back to polling when the callback is lost, so the video is never lost', async () => {
    const fake = falFake({ pendingPolls: 1 });
    server.use(...fake.handlers);
    const provider = fromAiSdk(createFal({ apiKey: FAL_KEY }).video(MODEL), {
      id: 'fal',
      webhook: async () => ({ url: HOOK, received: new Promise<Webhook>(() => {}) }),
      webhookFallbackPollMs: 200,
    });
    const result = await generateVideo({
      provider,
      prompt: 'x',
      outPath: path.join(dir, 'lost.mp4'),
      ...FAST,
    });
    expect(result.bytes).toBeGreaterThan(0);
    expect(fake.polls()).toHaveLength(2);
  });

  it("takes generateVideo's own webhook, which wins over the plugin's default", async () => {
    const fake = falFake({ pendingPolls: 0 });
    server.use(...fake.handlers);
    const perCall = 'https://hooks.example.test/fal/per-call';
    let deliver: (webhook: Webhook) => void = () => {};
    const received = new Promise<Webhook>((resolve) => {
      deliver = resolve;
    });
    const provider = fromAiSdk(createFal({ apiKey: FAL_KEY }).video(MODEL), {
      id: 'fal',
      webhook: async () => ({ url: HOOK, received: new Promise<Webhook>(() => {}) }),
    });
    expect(provider.webhooks).toBe(true);
    const run = generateVideo({
      provider,
      prompt: 'x',
      outPath: path.join(dir, 'per-call.mp4'),
      webhook: async () => ({ url: perCall, received }),
      ...FAST,
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(fake.submits().map((submit) => submit.url)).toEqual([
      `${FAL_QUEUE}/fal-ai/${MODEL}?fal_webhook=${encodeURIComponent(perCall)}`,
    ]);
    expect(fake.polls()).toHaveLength(0);
    deliver({ headers: {}, body: { status: 'OK', request_id: 'x' } });
    const result = await run;
    expect(result.bytes).toBeGreaterThan(0);
    expect(result.warnings.map((warning) => warning.feature)).not.toContain('webhook');
  });

  it('warns, and polls as usual, when the provider takes no webhook', async () => {
    const { createLocal } = await import('@video-gen/provider-local');
    let asked = 0;
    const result = await generateVideo({
      provider: createLocal(),
      prompt: 'x',
      width: 320,
      height: 180,
      durationSeconds: 1,
      outPath: path.join(dir, 'local.mp4'),
      webhook: async () => {
        asked += 1;
        return { url: HOOK, received: new Promise<Webhook>(() => {}) };
      },
    });
    expect(result.bytes).toBeGreaterThan(0);
    expect(asked).toBe(0);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ type: 'unsupported', feature: 'webhook' }),
    );
  });
});
