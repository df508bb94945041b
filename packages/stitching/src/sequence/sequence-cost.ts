import { type CostEstimate, checkMaxCost, type MaxCost, type ModelInfo } from '@video-gen/core';
import type { SequenceCostEstimate } from './sequence-options.js';

/**
 * The estimate of the clips still to generate (those not `done` in the manifest), summed, and the
 * sequence's `maxCost` checked against it: a ValidationError (`over_budget`, `cost_unit_mismatch`,
 * `price_unknown`) before the first clip. `undefined` when the model has no known price.
 */
export function sequenceCost(
  estimates: readonly (CostEstimate | undefined)[],
  pending: readonly boolean[],
  model: ModelInfo,
  provider: string,
  maxCost: MaxCost | undefined,
): SequenceCostEstimate | undefined {
  const known = estimates.every((estimate) => estimate !== undefined);
  const first = estimates[0];
  let total: SequenceCostEstimate | undefined;
  if (known && first) {
    const amount = estimates.reduce(
      (sum, estimate, position) => sum + (pending[position] ? estimate!.amount : 0),
      0,
    );
    const clips = pending.filter(Boolean).length;
    total = {
      amount: Math.round(amount * 1e6) / 1e6,
      unit: first.unit,
      basis: `${clips} of ${estimates.length} clips to generate: ${estimates
        .map((estimate, position) => (pending[position] ? `${estimate!.amount}` : 'done'))
        .join(' + ')} ${first.unit}`,
      source: first.source,
      asOf: first.asOf,
      clips: estimates.map((estimate, position) => (pending[position] ? estimate!.amount : 0)),
    };
  }
  checkMaxCost(maxCost, total, model, provider, `the sequence of ${estimates.length} clips`);
  return total;
}
