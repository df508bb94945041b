import type { ModelPrice } from '@video-gen/core';

const AS_OF = '2026-12-01';
const RUNWAY =
  "Runway API pricing (https://docs.dev.runwayml.com/guides/pricing/), as copied on 2026-12-01 in Runway's API reference skill at https://skillspool.org/ja/skills/udbfd68-cell-aurion-app-agents-skills-api-reference-skill-md";

const credits = (perSecond: number, perSecondWithAudio?: number, note?: string): ModelPrice => ({
  kind: 'per-second',
  unit: 'credits',
  perSecond,
  ...(perSecondWithAudio === undefined ? {} : { perSecondWithAudio }),
  source: RUNWAY,
  asOf: AS_OF,
  ...(note ? { note } : {}),
});

const unknown: ModelPrice = {
  kind: 'unknown',
  unit: 'credits',
  source:
    "no credit rate for this model could be verified on 2026-12-01; Runway reports the charge itself (the task's estimatedCost at submit, cost.credits when done)",
  asOf: AS_OF,
};

const VEO_RANGE =
  'Runway lists a range (veo3.1: 20–40, veo3.1_fast: 10–15): the low end is taken as silent, the high end as with audio';

/**
 * What the Runway models cost, in credits per second of video, keyed by model id. It names the
 * SDK's models whose ModelInfo is not written yet too (`pending` in the catalogue), so they are
 * priced as soon as they land. Runway reports the actual charge (`cost.credits`), which
 * `result.usage.cost` carries.
 */
export const runwayPrices: Readonly<Record<string, ModelPrice>> = {
  gen4_turbo: credits(5),
  'gen4.5': credits(12),
  'veo3.1': credits(20, 40, VEO_RANGE),
  'veo3.1_fast': credits(10, 15, VEO_RANGE),
  gemini_omni_flash: unknown,
  'gemini_omni_flash_1.1': unknown,
  aleph2: unknown,
  hailuo3: unknown,
  h3_max: unknown,
  happyhorse_1_0: unknown,
  seedance2: unknown,
  seedance2_fast: unknown,
  seedance2_mini: unknown,
  seedance2_5: unknown,
  wan3: unknown,
  wan3_prime: unknown,
  grok_imagine_1_5: unknown,
};
