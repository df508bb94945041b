import type { ModelInfo } from '../contract/model-info.js';
import type { ModelPrice } from '../contract/model-price.js';

/**
 * A provider's models with their prices merged in from a table keyed by model id, so prices live
 * apart from the capability table (and models added later get theirs as soon as they land). A
 * model missing from the table keeps no price.
 *
 * @example
 * ```ts
 * const models = withPrices(myModels, { 'my-model': { kind: 'per-call', unit: 'USD', perCall: 0.5, source: 'https://example.com/pricing', asOf: '2026-12-01' } });
 * ```
 */
export function withPrices(
  models: readonly ModelInfo[],
  prices: Readonly<Record<string, ModelPrice>>,
): ModelInfo[] {
  return models.map((model) => {
    const price = Object.hasOwn(prices, model.id) ? prices[model.id] : undefined;
    return price ? { ...model, price } : model;
  });
}
