import {
  estimateCost,
  firstPartyProviders,
  getProvider,
  isSizeRange,
  type ModelInfo,
  type VideoProvider,
} from '@video-gen/core';
import { describe, expect, it } from 'vitest';

const providers: [string, VideoProvider][] = await Promise.all(
  Object.keys(firstPartyProviders).map(async (id) => [id, await getProvider(id)] as [string, VideoProvider]),
);

/** The model's default request, as `estimateCost` sees it. */
const defaults = (model: ModelInfo) => ({
  width: model.defaultSize.width,
  height: model.defaultSize.height,
  durationSeconds: model.defaultDurationSeconds,
});

describe('price tables', () => {
  it('cover every first-party provider', () => {
    expect(providers.map(([id]) => id).sort()).toEqual(['azure-sora', 'local', 'runway', 'sora2', 'veo3']);
  });

  for (const [id, provider] of providers) {
    it(`${id}: every model has a price, or an explicit unknown, with its source and date`, () => {
      for (const model of provider.models) {
        const price = model.price;
        expect(price, `${id}/${model.id} has no price entry`).toBeDefined();
        expect(price!.source.length, `${id}/${model.id} price has no source`).toBeGreaterThan(10);
        expect(price!.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const estimate = estimateCost(defaults(model), model);
        if (price!.kind === 'unknown') {
          expect(estimate).toBeUndefined();
        } else {
          expect(estimate, `${id}/${model.id}`).toMatchObject({ unit: price!.unit, source: price!.source });
          expect(estimate!.amount).toBeGreaterThanOrEqual(0);
        }
      }
    });
  }

  it('price each size of a tiered model from its own tier', () => {
    const veo = providers.find(([id]) => id === 'veo3')![1];
    const model = veo.models.find((m) => m.id === 'veo-3.1-generate-001')!;
    expect(isSizeRange(model.sizes)).toBe(false);
    const at = (width: number, height: number) =>
      estimateCost({ width, height, durationSeconds: 8, audio: true }, model)?.amount;
    expect(at(1280, 720)).toBe(3.2);
    expect(at(3840, 2160)).toBeCloseTo(4.8);
    const pro = providers.find(([id]) => id === 'sora2')![1].models.find((m) => m.id === 'sora-2-pro')!;
    expect(estimateCost({ width: 1792, height: 1024, durationSeconds: 4 }, pro)?.amount).toBe(2);
    expect(estimateCost({ width: 1280, height: 720, durationSeconds: 4 }, pro)?.amount).toBe(1.2);
  });
});
