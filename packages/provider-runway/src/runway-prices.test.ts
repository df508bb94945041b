import path from 'node:path';
import { listGenerations } from '@video-gen/core';
import { describe, expect, it } from 'vitest';
import { runwayCatalogue } from './runway-catalogue.js';
import { runwayPrices } from './runway-prices.js';
import { createRunway } from './runway-provider.js';
import { generate, rejection, tempDir, useMswServer } from './test-support.js';

describe('runway prices', () => {
  it('price every model the SDK lists, also those whose ModelInfo is still pending', () => {
    const missing = runwayCatalogue.map((entry) => entry.id).filter((id) => !Object.hasOwn(runwayPrices, id));
    expect(missing).toEqual([]);
  });

  it('are merged into the provider models, in credits', () => {
    const provider = createRunway({ apiKey: 'key_test_only' });
    const turbo = provider.models.find((model) => model.id === 'gen4_turbo');
    expect(turbo?.price).toMatchObject({ kind: 'per-second', unit: 'credits', perSecond: 5 });
    for (const model of provider.models) expect(model.price, model.id).toBeDefined();
  });
});

const { mockRunway } = useMswServer();

describe('runway spend (msw)', () => {
  it('refuses a request over maxCost with no request sent to Runway', async () => {
    const runway = mockRunway();
    const error = await rejection(
      generate(runway, {
        prompt: 'a kite',
        model: 'gen4.5',
        durationSeconds: 10,
        maxCost: 100,
        ledger: false,
      }),
    );
    expect(error).toMatchObject({ name: 'ValidationError', code: 'over_budget' });
    expect(error.message).toContain('120 credits');
    expect(runway.apiRequests()).toEqual([]);
  });

  it("records the estimate and Runway's reported cost.credits in the result and the ledger", async () => {
    const runway = mockRunway();
    const ledger = path.join(tempDir(), 'ledger');
    const result = await generate(runway, {
      prompt: 'a kite',
      model: 'gen4.5',
      durationSeconds: 5,
      maxCost: { amount: 60, unit: 'credits' },
      ledger,
    });
    expect(runway.apiRequests('POST', '/v1/text_to_video')).toHaveLength(1);
    const credits = result.usage?.cost;
    expect(credits).toMatchObject({ currency: 'credits' });
    expect(credits!.amount).toBeGreaterThan(0);
    const [record] = await listGenerations({ ledger });
    expect(record).toMatchObject({
      costEstimate: { amount: 60, unit: 'credits', basis: '5 s × 12 credits/s' },
      usage: { cost: credits },
    });
  });
});
