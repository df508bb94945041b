import type { ModelPrice } from '@video-gen/core';

const SOURCE =
  'OpenAI API pricing (https://openai.com/api/pricing/), as quoted on 2026-12-01 by https://help.apiyi.com/?p=3773 and https://www.cometapi.com/sora-api-access-in-2026-pricing-rate-limits-and-what-s-actually-available-through-aggregators/';
const AS_OF = '2026-12-01';

/** sora-2: 0.10 USD per second at 720p (its only sizes), audio included. */
const sora2: ModelPrice = { kind: 'per-second', unit: 'USD', perSecond: 0.1, source: SOURCE, asOf: AS_OF };

/** sora-2-pro: 0.30 USD per second at 720p, 0.50 at 1792x1024 / 1024x1792; audio included. */
const sora2Pro: ModelPrice = {
  kind: 'per-second',
  unit: 'USD',
  perSecond: 0.3,
  tiers: [{ minShortSide: 1024, label: '1792x1024', perSecond: 0.5 }],
  source: SOURCE,
  asOf: AS_OF,
};

/**
 * What the Sora 2 models cost on OpenAI's Videos API, keyed by model id (snapshots at their
 * family's price). OpenAI bills per second of video, audio included; it returns no cost with the job.
 */
export const soraPrices: Readonly<Record<string, ModelPrice>> = {
  'sora-2': sora2,
  'sora-2-2025-10-06': sora2,
  'sora-2-2025-12-08': sora2,
  'sora-2-pro': sora2Pro,
  'sora-2-pro-2025-10-06': sora2Pro,
};
