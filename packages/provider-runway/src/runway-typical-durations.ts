import type { ModelInfo } from '@video-gen/core';

/**
 * How long a task of each model usually takes, for core's poll schedule (Runway reports progress,
 * which the schedule prefers; this places the polls before the first). Estimates: Runway publishes
 * no task times, only that Turbo and Fast models are the quick ones; the ledger's observed median
 * replaces them after 3 jobs. Models not listed get 90 s.
 */
const TYPICAL_MS: Readonly<Record<string, number>> = {
  gen4_turbo: 30_000,
  'gen4.5': 90_000,
  'veo3.1': 90_000,
  'veo3.1_fast': 50_000,
};
const OTHERWISE_MS = 90_000;

/** The model table with `typicalDurationMs` filled in where the table has none. */
export function withTypicalDurations(models: readonly ModelInfo[]): readonly ModelInfo[] {
  return models.map((model) =>
    model.typicalDurationMs === undefined
      ? { ...model, typicalDurationMs: TYPICAL_MS[model.id] ?? OTHERWISE_MS }
      : model,
  );
}
