import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFal } from '@ai-sdk/fal';
import { generateSequence } from '@video-gen/stitching';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fromAiSdk } from '../src/index.js';
import { FAL_KEY, falFake } from './fal-fake.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
let dir = '';
afterEach(() => {
  server.resetHandlers();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('stitching with a wrapped AI SDK model', () => {
  it('chains two fal clips: the second submit starts on the first clip’s last frame', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-ai-sdk-sequence-'));
    const fake = falFake({ pendingPolls: 0 });
    server.use(...fake.handlers);
    const fal = createFal({ apiKey: FAL_KEY });
    const result = await generateSequence({
      provider: fromAiSdk((id) => fal.video(id), { id: 'fal', models: [{ id: 'luma-dream-machine/ray-2' }] }),
      clips: [{ prompt: 'A kite rises' }, { prompt: 'The kite drifts over the sea' }],
      outDir: dir,
      poll: { initialIntervalMs: 5, maxIntervalMs: 20 },
    });
    expect(result.clips).toHaveLength(2);
    const [first, second] = fake
      .submits()
      .map((submit) => submit.body as { prompt?: string; image_url?: string });
    expect(first).not.toHaveProperty('image_url');
    expect(second?.image_url).toMatch(/^data:image\/(png|jpeg);base64,/);
    expect(second?.prompt).toBe('The kite drifts over the sea');
  });
});
