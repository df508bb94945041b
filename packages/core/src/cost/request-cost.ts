import type { GenerationWarning, ResolvedRequest } from '../contract/request.js';
import { type CostEstimate, estimateCost } from './estimate-cost.js';

/**
 * The estimate of a resolved request, and a `price_unknown` warning (added to `warnings`) when the
 * model's price is recorded as `unknown`: the generation runs, but nobody can say what it costs
 * beforehand. A model with no price at all (a third-party provider's) gets no estimate and no warning.
 */
export function requestCost(
  request: ResolvedRequest,
  provider: string,
  warnings: GenerationWarning[],
): CostEstimate | undefined {
  const estimate = estimateCost(request, request.model);
  const price = request.model.price;
  if (!estimate && price) {
    warnings.push({
      type: 'other',
      feature: 'price',
      message: `price_unknown: no price is recorded for ${request.model.id} of ${provider} (${price.source}${price.note ? `; ${price.note}` : ''}), so this request has no cost estimate.`,
    });
  }
  return estimate;
}
