import { readFileSync } from 'node:fs';
import { generateVideo } from '@video-gen/core';
import { openAiSoraFaults, startOpenAiSoraServer } from '@video-gen/testing/loopback';
import { describe, expect, it } from 'vitest';
import { createSora } from './sora-provider.js';
import { boxType, FAST, outPath } from './test-support.js';

describe('createSora against a loopback server (no msw)', () => {
  it('generates over real HTTP, retrying a 500 through core', async () => {
    const server = await startOpenAiSoraServer({
      apiKey: 'sk-loop',
      faults: [openAiSoraFaults.serverError('retrieve', 1)],
    });
    try {
      const result = await generateVideo({
        ...FAST,
        provider: createSora({ apiKey: 'sk-loop', baseURL: server.url }),
        prompt: 'A loopback check',
        outPath: outPath(),
      });
      expect(boxType(readFileSync(result.path))).toBe('ftyp');
      expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(server.requests.filter((r) => r.method === 'GET' && !r.path.endsWith('/content'))).toHaveLength(
        5,
      );
    } finally {
      await server.close();
    }
  });
});
