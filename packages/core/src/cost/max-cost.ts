import type { ModelInfo } from '../contract/model-info.js';
import type { PriceUnit } from '../contract/model-price.js';
import { ValidationError } from '../errors/validation-error.js';
import type { CostEstimate } from './estimate-cost.js';

/** A spending cap: a number in the model's own unit, or an amount with its unit. */
export type MaxCost = number | { readonly amount: number; readonly unit: PriceUnit };

function cap(maxCost: MaxCost): { amount: number; unit: PriceUnit | undefined } {
  return typeof maxCost === 'number' ? { amount: maxCost, unit: undefined } : maxCost;
}

/** A cap as text: `2 USD`, or `2` when the unit is the model's. */
export function describeMaxCost(maxCost: MaxCost): string {
  const { amount, unit } = cap(maxCost);
  return unit === undefined ? String(amount) : `${amount} ${unit}`;
}

/**
 * Refuses a request (or a sequence) whose estimate is above `maxCost`, before anything is paid:
 * a ValidationError `over_budget` when the estimate exceeds the cap, `cost_unit_mismatch` when the
 * cap is in another unit than the model's price, `price_unknown` when the model has no known price
 * (a cap cannot be kept without one). Nothing happens without a cap.
 *
 * @param what - what is being capped, for the message (`this request`, `the sequence of 3 clips`).
 */
export function checkMaxCost(
  maxCost: MaxCost | undefined,
  estimate: CostEstimate | undefined,
  model: ModelInfo,
  provider: string,
  what = 'this request',
): void {
  if (maxCost === undefined) return;
  const limit = cap(maxCost);
  const field = 'maxCost';
  if (!estimate) {
    const source = model.price ? ` (${model.price.source})` : '';
    const message = `${model.id} of ${provider} has no known price${source}, so maxCost ${describeMaxCost(maxCost)} cannot be kept; remove maxCost (--max-cost) to run it anyway.`;
    throw new ValidationError(message, { code: 'price_unknown', provider, issues: [{ field, message }] });
  }
  if (limit.unit !== undefined && limit.unit !== estimate.unit) {
    const message = `maxCost is in ${limit.unit}, but ${model.id} of ${provider} is priced in ${estimate.unit}: give maxCost in ${estimate.unit}.`;
    throw new ValidationError(message, {
      code: 'cost_unit_mismatch',
      provider,
      issues: [{ field, message }],
    });
  }
  if (estimate.amount > limit.amount) {
    const message = `The estimate for ${what} is ${estimate.amount} ${estimate.unit} (${estimate.basis}), above maxCost ${limit.amount} ${estimate.unit}; nothing was submitted. Raise maxCost (--max-cost), or ask for less (shorter, smaller, fewer clips).`;
    throw new ValidationError(message, {
      code: 'over_budget',
      provider,
      issues: [{ field, message: `estimate ${estimate.amount} ${estimate.unit} is above ${limit.amount}` }],
    });
  }
}
