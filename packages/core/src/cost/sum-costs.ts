import type { PriceUnit } from '../contract/model-price.js';
import type { GenerationRecord } from '../ledger/generation-record.js';

/** The spend of some generations in one unit. */
export interface CostTotal {
  /** `actual` plus `estimated`: the best figure for what was spent. */
  readonly amount: number;
  /** The sum of what vendors reported (`usage.cost`). */
  readonly actual: number;
  /** The sum of estimates, for generations whose vendor reported no cost. */
  readonly estimated: number;
  /** How many generations have a cost in this unit. */
  readonly generations: number;
}

/** A generation's cost: what the vendor reported, else the estimate made before it was submitted. */
export function recordCost(
  record: GenerationRecord,
): { amount: number; unit: string; actual: boolean } | undefined {
  const cost = record.usage?.cost;
  if (cost) return { amount: cost.amount, unit: cost.currency, actual: true };
  const estimate = record.costEstimate;
  return estimate ? { amount: estimate.amount, unit: estimate.unit, actual: false } : undefined;
}

/**
 * The spend of ledger records, per unit (`USD`, `credits`): what vendors reported where they did,
 * the estimate otherwise. Records with neither are left out.
 *
 * @example
 * ```ts
 * const total = sumCosts(await listGenerations({ since: '2026-11-24' }));
 * console.log(total.USD?.amount, total.credits?.amount);
 * ```
 */
export function sumCosts(
  records: readonly GenerationRecord[],
): Partial<Record<PriceUnit | string, CostTotal>> {
  const totals: Record<string, { amount: number; actual: number; estimated: number; generations: number }> =
    {};
  for (const record of records) {
    const cost = recordCost(record);
    if (!cost) continue;
    totals[cost.unit] ??= { amount: 0, actual: 0, estimated: 0, generations: 0 };
    const total = totals[cost.unit]!;
    total.amount = Math.round((total.amount + cost.amount) * 1e6) / 1e6;
    if (cost.actual) total.actual = Math.round((total.actual + cost.amount) * 1e6) / 1e6;
    else total.estimated = Math.round((total.estimated + cost.amount) * 1e6) / 1e6;
    total.generations++;
  }
  return totals;
}
