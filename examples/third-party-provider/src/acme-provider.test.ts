import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentPolicyError, generateVideo, registerProvider, unregisterProvider } from '@video-gen/core';
import { describeProviderConformance } from '@video-gen/testing';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME, acmeMock } from './acme-handlers.js';
import { createAcme, plugin } from './acme-provider.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

describeProviderConformance('acme (third-party example)', {
  createProvider: () => createAcme({ apiKey: 'test-key' }),
  request: { prompt: 'a calm sea', durationSeconds: 5 },
  beforeEach: () => server.resetHandlers(...acmeMock().handlers),
  // The next submit only: the suite checks a 401 is an AuthenticationError and a 429 honours Retry-After.
  answerSubmitWith: (failure) =>
    server.use(
      http.post(`${ACME}/v1/videos`, () => HttpResponse.json({ error: 'refused' }, failure), { once: true }),
    ),
});

describe('acme plugin through the registry', () => {
  it('is registered and used by id through generateVideo, sending the request Acme expects', async () => {
    const mock = acmeMock();
    server.resetHandlers(...mock.handlers);
    registerProvider(plugin);
    try {
      const outPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'acme-')), 'kite.mp4');
      const result = await generateVideo({
        provider: 'acme',
        providerConfig: { apiKey: 'test-key' },
        prompt: 'a red kite over the sea',
        durationSeconds: 10,
        seed: 3,
        outPath,
        poll: { initialIntervalMs: 5 },
      });
      expect(result).toMatchObject({ provider: 'acme', model: 'acme-1', durationSeconds: 10 });
      expect(mock.requests[0]).toEqual({
        method: 'POST',
        path: '/v1/videos',
        authorization: 'Bearer test-key',
        body: { prompt: 'a red kite over the sea', size: '1280x720', seconds: 10, seed: 3 },
      });
    } finally {
      unregisterProvider('acme');
    }
  });

  it('turns a blocked task into a ContentPolicyError', async () => {
    server.resetHandlers(...acmeMock({ outcome: 'blocked' }).handlers);
    const outPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'acme-')), 'x.mp4');
    const error = await generateVideo({
      provider: createAcme({ apiKey: 'test-key' }),
      prompt: 'x',
      outPath,
      poll: { initialIntervalMs: 5 },
    }).catch((e: unknown) => e);
    expect(ContentPolicyError.isInstance(error)).toBe(true);
  });
});
