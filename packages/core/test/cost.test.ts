import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkVideoRequest,
  DownloadError,
  downloadGeneration,
  estimateCost,
  type GenerationRecord,
  generateVideo,
  listGenerations,
  type ModelInfo,
  type ModelPrice,
  sumCosts,
  ValidationError,
} from '../src/index.js';
import { createFakeProvider, type FakeProvider, fakeModels } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

const fast = { poll: { initialIntervalMs: 5 }, retry: { minDelayMs: 5, maxDelayMs: 10, retries: 1 } };
const source = { source: 'https://vendor.example/pricing', asOf: '2026-12-01' };
const base = fakeModels[0]!;
const withPrice = (price: ModelPrice | undefined, audio: ModelInfo['audio'] = 'none'): ModelInfo => ({
  ...base,
  audio,
  ...(price ? { price } : {}),
});

const veoLike: ModelPrice = {
  kind: 'per-second',
  unit: 'USD',
  perSecond: 0.2,
  perSecondWithAudio: 0.4,
  tiers: [{ minShortSide: 2160, label: '4k', perSecond: 0.4, perSecondWithAudio: 0.6 }],
  ...source,
};

describe('estimateCost', () => {
  it('multiplies a per-second rate by the duration', () => {
    const model = withPrice({ kind: 'per-second', unit: 'credits', perSecond: 12, ...source });
    expect(estimateCost({ width: 1280, height: 720, durationSeconds: 5 }, model)).toEqual({
      amount: 60,
      unit: 'credits',
      basis: '5 s × 12 credits/s',
      ...source,
    });
  });

  it('takes the rate of the highest resolution tier the video reaches (by its shorter side)', () => {
    const model = withPrice(veoLike, 'optional');
    const hd = estimateCost({ width: 1920, height: 1080, durationSeconds: 8, audio: false }, model);
    expect(hd?.amount).toBe(1.6);
    const uhd = estimateCost({ width: 2160, height: 3840, durationSeconds: 8, audio: false }, model);
    expect(uhd).toMatchObject({ amount: 3.2, basis: '8 s × 0.4 USD/s (4k)' });
  });

  it('uses the with-audio rate when audio is asked for, or not stated on a model that can make it', () => {
    const model = withPrice(veoLike, 'optional');
    const size = { width: 1280, height: 720, durationSeconds: 8 };
    expect(estimateCost({ ...size, audio: true }, model)?.amount).toBe(3.2);
    expect(estimateCost(size, model)).toMatchObject({ amount: 3.2, basis: '8 s × 0.4 USD/s (with audio)' });
    expect(estimateCost({ ...size, audio: false }, model)?.amount).toBe(1.6);
    expect(estimateCost({ width: 3840, height: 2160, durationSeconds: 8 }, model)?.amount).toBe(4.8);
    // A model without audio never pays the audio rate.
    expect(estimateCost({ ...size, audio: true }, withPrice(veoLike, 'none'))?.amount).toBe(1.6);
  });

  it('rounds away floating-point noise', () => {
    const model = withPrice({ kind: 'per-second', unit: 'USD', perSecond: 0.1, ...source });
    expect(estimateCost({ width: 1280, height: 720, durationSeconds: 3 }, model)?.amount).toBe(0.3);
  });

  it('gives a per-call price whatever the length', () => {
    const model = withPrice({ kind: 'per-call', unit: 'USD', perCall: 0.25, ...source });
    expect(estimateCost({ width: 1280, height: 720, durationSeconds: 8 }, model)).toMatchObject({
      amount: 0.25,
      basis: '0.25 USD per call',
    });
  });

  it('has no estimate for an unknown price or a model without one', () => {
    const size = { width: 1280, height: 720, durationSeconds: 4 };
    expect(estimateCost(size, withPrice({ kind: 'unknown', unit: 'credits', ...source }))).toBeUndefined();
    expect(estimateCost(size, withPrice(undefined))).toBeUndefined();
  });
});

function setup(price: ModelPrice | undefined, usageCost?: { amount: number; currency: string }) {
  const dir = tempDir();
  const stateDir = path.join(dir, 'state');
  const fake = createFakeProvider({ stateDir, videoPath: tinyMp4() });
  const status: FakeProvider['status'] = async (job, ctx) => {
    const answer = await fake.status(job, ctx);
    return answer.state === 'succeeded' && usageCost
      ? { ...answer, usage: { seconds: 4, cost: usageCost } }
      : answer;
  };
  const provider: FakeProvider = Object.assign(Object.create(fake) as FakeProvider, {
    models: [withPrice(price), ...fakeModels.slice(1)],
    status,
  });
  return { provider, outPath: path.join(dir, 'video.mp4'), ledger: path.join(dir, 'ledger') };
}

const credits = (perSecond: number): ModelPrice => ({
  kind: 'per-second',
  unit: 'credits',
  perSecond,
  ...source,
});

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.catch((e: unknown) => e);
  expect(ValidationError.isInstance(error)).toBe(true);
  return error as ValidationError;
}

describe('maxCost', () => {
  it('refuses a request over the cap before any call to the provider, writing nothing', async () => {
    const { provider, outPath, ledger } = setup(credits(12));
    const error = await refusal(
      generateVideo({ provider, prompt: 'waves', durationSeconds: 8, maxCost: 50, outPath, ledger, ...fast }),
    );
    expect(error.code).toBe('over_budget');
    expect(error.message).toContain('96 credits');
    expect(error.issues[0]?.field).toBe('maxCost');
    expect(provider.calls).toEqual({ submit: 0, status: 0, download: 0, cancel: 0 });
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
    expect(existsSync(ledger)).toBe(false);
  });

  it('refuses a cap in another unit, and a model whose price is unknown', async () => {
    const mismatch = setup(credits(12));
    const wrongUnit = await refusal(
      generateVideo({
        provider: mismatch.provider,
        prompt: 'waves',
        maxCost: { amount: 100, unit: 'USD' },
        outPath: mismatch.outPath,
        ledger: false,
      }),
    );
    expect(wrongUnit.code).toBe('cost_unit_mismatch');
    const unknown = setup({ kind: 'unknown', unit: 'credits', source: 'not published', asOf: '2026-12-01' });
    const noPrice = await refusal(
      generateVideo({
        provider: unknown.provider,
        prompt: 'waves',
        maxCost: 1000,
        outPath: unknown.outPath,
        ledger: false,
      }),
    );
    expect(noPrice.code).toBe('price_unknown');
    expect(noPrice.message).toContain('not published');
    expect(mismatch.provider.calls.submit + unknown.provider.calls.submit).toBe(0);
  });

  it('rejects a malformed cap as an invalid option', async () => {
    const { provider, outPath } = setup(credits(12));
    const error = await refusal(
      generateVideo({ provider, prompt: 'waves', maxCost: { amount: 5, unit: 'EUR' } as never, outPath }),
    );
    expect(error.code).toBe('invalid_options');
    expect(error.issues[0]?.field).toBe('maxCost');
  });

  it('lets a request within the cap through, and the ledger keeps the estimate and the actual cost', async () => {
    const { provider, outPath, ledger } = setup(credits(12), { amount: 45, currency: 'credits' });
    const result = await generateVideo({
      provider,
      prompt: 'waves',
      durationSeconds: 4,
      maxCost: { amount: 48, unit: 'credits' },
      outPath,
      ledger,
      ...fast,
    });
    expect(result.usage).toEqual({ seconds: 4, cost: { amount: 45, currency: 'credits' } });
    const [record] = await listGenerations({ ledger });
    expect(record).toMatchObject({
      costEstimate: { amount: 48, unit: 'credits', basis: '4 s × 12 credits/s', ...source },
      usage: { cost: { amount: 45, currency: 'credits' } },
    });
    expect(sumCosts([record!])).toEqual({
      credits: { amount: 45, actual: 45, estimated: 0, generations: 1 },
    });
  });
});

describe('the ledger keeps the estimate', () => {
  it('through a later downloadGeneration of the same generation', async () => {
    const dir = tempDir();
    const stateDir = path.join(dir, 'state');
    const ledger = path.join(dir, 'ledger');
    const broken = new DownloadError('connection reset', { code: 'truncated', retryable: true });
    const fake = createFakeProvider({
      stateDir,
      videoPath: tinyMp4(),
      errors: { download: [broken, broken, broken] },
    });
    const priced = (inner: FakeProvider): FakeProvider =>
      Object.assign(Object.create(inner) as FakeProvider, {
        models: [withPrice(credits(12)), ...fakeModels.slice(1)],
      });
    await generateVideo({
      provider: priced(fake),
      prompt: 'waves',
      outPath: path.join(dir, 'v.mp4'),
      ledger,
      ...fast,
    }).catch(() => undefined);
    const [record] = await listGenerations({ ledger });
    expect(record).toMatchObject({ status: 'succeeded', costEstimate: { amount: 48 } });
    const again = priced(createFakeProvider({ stateDir, videoPath: tinyMp4() }));
    await downloadGeneration(record!.id, {
      ledger,
      provider: again,
      outPath: path.join(dir, 'again.mp4'),
      ...fast,
    });
    const [after] = await listGenerations({ ledger });
    expect(after).toMatchObject({ status: 'downloaded', costEstimate: { amount: 48, unit: 'credits' } });
  });
});

describe('checkVideoRequest cost', () => {
  it('returns the estimate, and refuses as generateVideo would', async () => {
    const { provider } = setup(credits(12));
    const checked = await checkVideoRequest({ provider, prompt: 'waves', durationSeconds: 8 });
    expect(checked.costEstimate).toMatchObject({ amount: 96, unit: 'credits' });
    const error = await refusal(
      checkVideoRequest({ provider, prompt: 'waves', durationSeconds: 8, maxCost: 95 }),
    );
    expect(error.code).toBe('over_budget');
  });

  it('warns price_unknown for a model whose price is recorded as unknown, and says nothing for one without a price', async () => {
    const unknown = setup({ kind: 'unknown', source: 'not published by the vendor', asOf: '2026-12-01' });
    const checked = await checkVideoRequest({ provider: unknown.provider, prompt: 'waves' });
    expect(checked.costEstimate).toBeUndefined();
    expect(checked.warnings).toContainEqual(
      expect.objectContaining({ feature: 'price', message: expect.stringContaining('price_unknown') }),
    );
    const none = setup(undefined);
    expect((await checkVideoRequest({ provider: none.provider, prompt: 'waves' })).warnings).toEqual([]);
  });
});

describe('sumCosts', () => {
  it('sums per unit, the actual cost where reported and the estimate otherwise', () => {
    const record = (cost: Partial<GenerationRecord>) => ({ ...cost }) as GenerationRecord;
    const estimate = { basis: '', source: '', asOf: '' };
    const total = sumCosts([
      record({
        usage: { cost: { amount: 50, currency: 'credits' } },
        costEstimate: { amount: 60, unit: 'credits', ...estimate },
      }),
      record({ costEstimate: { amount: 24, unit: 'credits', ...estimate } }),
      record({ costEstimate: { amount: 0.8, unit: 'USD', ...estimate } }),
      record({ costEstimate: { amount: 0.4, unit: 'USD', ...estimate } }),
      record({}),
    ]);
    expect(total).toEqual({
      credits: { amount: 74, actual: 50, estimated: 24, generations: 2 },
      USD: { amount: 1.2, actual: 0, estimated: 1.2, generations: 2 },
    });
  });
});
