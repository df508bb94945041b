import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError, generateVideo } from '../src/index.js';
import { START_SLOTS, takeStartSlot } from '../src/lifecycle/start-slots.js';
import { createFakeProvider } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

describe('start slots', () => {
  it('a generation aborted while it waits for a start slot is a CancelledError, with nothing submitted', async () => {
    const held = await Promise.all(Array.from({ length: START_SLOTS }, () => takeStartSlot()));
    try {
      const provider = createFakeProvider({ stateDir: path.join(tempDir(), 's'), videoPath: tinyMp4() });
      const error = await generateVideo({
        provider,
        prompt: 'waves',
        outPath: path.join(tempDir(), 'a.mp4'),
        signal: AbortSignal.timeout(50),
        ledger: false,
      }).catch((caught: unknown) => caught);
      expect(CancelledError.isInstance(error)).toBe(true);
      expect(provider.calls.submit).toBe(0);
    } finally {
      for (const release of held) release();
    }
  });
});
