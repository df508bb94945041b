import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { entrySchemas } from './entry-schemas.js';
import { asQuickCheck, quickChecks } from './quick-check.js';

const zodSchemas = entrySchemas(z);
const quick = entrySchemas(quickChecks);
type Entry = keyof typeof zodSchemas;

const provider = { id: 'x', models: [], submit() {}, status() {}, download() {} };
const inherited = Object.create({ prompt: 'from the prototype' }) as Record<string, unknown>;
inherited.provider = 'local';

// Options each entry must accept, and options it must refuse: types, ranges, unknown keys
// (nested too), arrays and null where an object belongs.
const samples: Record<Entry, { accept: unknown[]; refuse: unknown[] }> = {
  generateVideo: {
    accept: [
      { prompt: 'a cat' },
      { prompt: 'a cat', provider: 'local', model: 'local-v1', width: 64, height: 64, durationSeconds: 1 },
      { prompt: 'a cat', provider, images: ['a.png', new URL('https://x/y.png'), new Uint8Array(1)] },
      { prompt: 'a cat', retry: { retries: 0 }, poll: { initialIntervalMs: 1, multiplier: 1.5 }, limits: {} },
      {
        prompt: 'a cat',
        providerOptions: { local: {} },
        ledger: false,
        signal: new AbortController().signal,
      },
      { prompt: 'a cat', outPath: undefined, timeoutMs: undefined, videoUse: 'extend', video: 'in.mp4' },
      // Keys read through the prototype, as zod reads them.
      inherited,
    ],
    refuse: [
      {},
      null,
      [],
      'a cat',
      { prompt: 1 },
      { prompt: 'a cat', allowLoopback: true },
      { prompt: 'a cat', retry: { retries: -1 } },
      { prompt: 'a cat', retry: { retriez: 1 } },
      { prompt: 'a cat', retry: [] },
      { prompt: 'a cat', poll: { multiplier: 0.5 } },
      { prompt: 'a cat', limits: { maxConcurrentRequests: 1.5 } },
      { prompt: 'a cat', timeoutMs: 0 },
      { prompt: 'a cat', overwrite: 'false' },
      { prompt: 'a cat', signal: {} },
      { prompt: 'a cat', images: 'a.png' },
      { prompt: 'a cat', images: [1] },
      { prompt: 'a cat', outPath: '' },
      { prompt: 'a cat', outPath: 'a\0b' },
      { prompt: 'a cat', model: ' ' },
      { prompt: 'a cat', provider: { id: 'x' } },
      { prompt: 'a cat', providerOptions: { local: 1 } },
      { prompt: 'a cat', videoUse: 'remix' },
      { prompt: 'a cat', ledger: true },
      { prompt: 'a cat', constructor: 1 },
    ],
  },
  checkVideoRequest: { accept: [{ prompt: 'x' }], refuse: [{ prompt: 'x', nope: 1 }] },
  resumeVideo: {
    accept: [{}, { overwrite: true, poll: { maxIntervalMs: 5 } }],
    refuse: [{ prompt: 'x' }, { width: 64 }, { poll: null }],
  },
  startVideo: {
    accept: [{ prompt: 'x' }, { prompt: 'x', idempotencyKey: 'job-1' }],
    refuse: [
      { prompt: 'x', idempotencyKey: '' },
      { prompt: 'x', idempotencyKey: 7 },
      { prompt: 'x', nope: 1 },
    ],
  },
  checkVideo: { accept: [{}, { retry: { retries: 1 } }], refuse: [{ outPath: 'o.mp4' }, { prompt: 'x' }] },
  finishVideo: {
    accept: [{}, { outPath: 'o.mp4', overwrite: true }],
    refuse: [{ outPath: '' }, { prompt: 'x' }, { idempotencyKey: 'k' }],
  },
  downloadGeneration: {
    accept: [{}, { ledger: 'l', outPath: 'o.mp4', overwrite: false }],
    refuse: [{ ledger: false }, { model: 'm' }],
  },
  listGenerations: {
    accept: [
      {},
      { status: 'failed' },
      { status: ['failed', 'expired'] },
      { since: new Date() },
      { since: '2026-12-01' },
    ],
    refuse: [{ status: 'lost' }, { status: ['failed', 'lost'] }, { since: 'yesterday' }, { since: 5 }],
  },
  getGeneration: { accept: [{}, { ledger: 'l' }], refuse: [{ ledger: 1 }, { other: 1 }] },
  forgetGeneration: { accept: [{ ledger: 'l' }], refuse: [{ ledger: '' }] },
};

describe('the quick option check', () => {
  it.each(Object.keys(samples) as Entry[])('%s: agrees with zod on every sample', (entry) => {
    const { accept, refuse } = samples[entry];
    for (const value of accept) {
      expect(zodSchemas[entry].safeParse(value).success, JSON.stringify(value)).toBe(true);
      expect(asQuickCheck(quick[entry]).accepts(value), JSON.stringify(value)).toBe(true);
    }
    for (const value of refuse) {
      // The refusals are real (zod refuses them), and the quick check never lets one through.
      expect(zodSchemas[entry].safeParse(value).success, String(JSON.stringify(value))).toBe(false);
      expect(asQuickCheck(quick[entry]).accepts(value), String(JSON.stringify(value))).toBe(false);
    }
  });
});
