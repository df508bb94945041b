import type { CostEstimate, MaxCost } from '@video-gen/core';

/** An amount for people: at most 4 decimals, no trailing zeros (`1.2 USD`, `60 credits`). */
export function formatAmount(amount: number, unit: string): string {
  return `${Number(amount.toFixed(4))} ${unit}`;
}

/** An estimate as one line: `about 3.2 USD (8 s × 0.4 USD/s; prices as of 2026-12-01)`. */
export function describeEstimate(estimate: CostEstimate): string {
  return `about ${formatAmount(estimate.amount, estimate.unit)} (${estimate.basis}; prices as of ${estimate.asOf})`;
}

/** A `--max-cost` value as text. */
export function describeCap(maxCost: MaxCost): string {
  return typeof maxCost === 'number' ? String(maxCost) : formatAmount(maxCost.amount, maxCost.unit);
}
