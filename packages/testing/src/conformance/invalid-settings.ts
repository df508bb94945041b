import { isNumberRange, isSizeRange, type ModelInfo } from '@video-gen/core';

/** A duration the model refuses. */
export function refusedDuration(model: ModelInfo): number {
  const durations = model.durations;
  if (isNumberRange(durations)) return durations.max + (durations.step ?? 1);
  return Math.max(...durations) + 1;
}

/** A size the model refuses. */
export function refusedSize(model: ModelInfo): { width: number; height: number } {
  if (isSizeRange(model.sizes))
    return { width: model.sizes.maxWidth + model.sizes.multipleOf, height: model.sizes.minHeight };
  return { width: 123, height: 457 };
}
