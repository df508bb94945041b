import { readFileSync } from 'node:fs';
import { generateVideo } from '@video-gen/core';
import { startAzureSoraServer } from '@video-gen/testing/loopback';
import { describe, expect, it } from 'vitest';
import { boxType, FAST, outPath } from '../../provider-sora/src/test-support.js';
import { createAzureSora } from './azure-sora-provider.js';

describe('createAzureSora against a loopback server (no msw)', () => {
  it('generates over real HTTP with an Entra token, the deployment as model and no api-key', async () => {
    const server = await startAzureSoraServer({ bearerToken: 'entra-loopback', deployment: 'loop-sora' });
    try {
      const out = outPath();
      const result = await generateVideo({
        ...FAST,
        provider: createAzureSora({
          endpoint: server.endpoint,
          deployment: 'loop-sora',
          azureADTokenProvider: async () => 'entra-loopback',
        }),
        prompt: 'A loopback check',
        durationSeconds: 4,
        outPath: out,
      });
      expect(boxType(readFileSync(result.path))).toBe('ftyp');
      const [create] = server.requests;
      expect(create).toMatchObject({
        method: 'POST',
        path: '/openai/v1/videos',
        fields: { model: 'loop-sora' },
      });
      for (const sent of server.requests) {
        expect(sent.headers.authorization).toBe('Bearer entra-loopback');
        expect(sent.headers['api-key']).toBeUndefined();
      }
    } finally {
      await server.close();
    }
  });
});
