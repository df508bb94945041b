import type { ModelInfo } from '../contract/model-info.js';
import type { PriceUnit } from '../contract/model-price.js';

/** What one generation is expected to cost, from the model's price table. */
export interface CostEstimate {
  /** The expected charge, in `unit`. */
  readonly amount: number;
  /** The vendor's unit: `USD`, or Runway `credits`. */
  readonly unit: PriceUnit;
  /** How it was worked out, such as `8 s × 0.40 USD/s (1080p, with audio)`. */
  readonly basis: string;
  /** Where the price comes from (a URL or a note). */
  readonly source: string;
  /** The day the price was read (`YYYY-MM-DD`). */
  readonly asOf: string;
}

/** What {@link estimateCost} needs of a request: its size, length and audio. */
export interface CostedRequest {
  readonly width: number;
  readonly height: number;
  readonly durationSeconds: number;
  /** `undefined`: the model's default; the with-audio rate is used unless the model has no audio. */
  readonly audio?: boolean | undefined;
}

/** Rounds away floating-point noise (0.1 × 3 = 0.30000000000000004) without hiding real fractions. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function withAudio(request: CostedRequest, model: ModelInfo): boolean {
  if (model.audio === 'none') return false;
  if (model.audio === 'always') return true;
  // Not stated: the higher rate, so an estimate used as a cap errs on the safe side.
  return request.audio !== false;
}

/**
 * The expected cost of one generation, from `model.price`: per second × duration (at the rate of
 * the highest resolution tier the video reaches, with audio where the vendor prices it apart), or
 * the per-call price. `undefined` when the model has no price or its price is `unknown`.
 *
 * This is an estimate from a table kept by hand (each price carries its source and date): the
 * vendor's bill is what counts.
 *
 * @example
 * ```ts
 * const estimate = estimateCost({ width: 1920, height: 1080, durationSeconds: 8, audio: true }, model);
 * if (estimate) console.log(`about ${estimate.amount} ${estimate.unit} (${estimate.basis})`);
 * ```
 */
export function estimateCost(request: CostedRequest, model: ModelInfo): CostEstimate | undefined {
  const price = model.price;
  if (!price || price.kind === 'unknown') return undefined;
  const { source, asOf } = price;
  if (price.kind === 'per-call') {
    return {
      amount: price.perCall,
      unit: price.unit,
      basis: `${price.perCall} ${price.unit} per call`,
      source,
      asOf,
    };
  }
  const shortSide = Math.min(request.width, request.height);
  const tier = [...(price.tiers ?? [])]
    .sort((a, b) => b.minShortSide - a.minShortSide)
    .find((candidate) => shortSide >= candidate.minShortSide);
  const audio = withAudio(request, model);
  const base = tier ?? price;
  const rate = audio ? (base.perSecondWithAudio ?? base.perSecond) : base.perSecond;
  const details = [
    ...(tier ? [tier.label] : []),
    ...(audio && base.perSecondWithAudio !== undefined ? ['with audio'] : []),
  ];
  return {
    amount: round(rate * request.durationSeconds),
    unit: price.unit,
    basis: `${request.durationSeconds} s × ${rate} ${price.unit}/s${details.length > 0 ? ` (${details.join(', ')})` : ''}`,
    source,
    asOf,
  };
}
