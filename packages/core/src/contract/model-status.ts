import type { ModelInfo, ModelStatus } from './model-info.js';

/** Today's date in UTC as `YYYY-MM-DD`, the form the lifecycle dates use. */
function day(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * A model's status on a given day: `retired` when the table says so or its `retiresOn` day has
 * come; `deprecated` when the table says so, its `deprecatedOn` day has come, or it carries a
 * `deprecated` note; otherwise its `status` (`ga` when absent).
 *
 * @example
 * ```ts
 * modelStatus({ ...model, retiresOn: '2026-09-24' }, new Date('2026-12-01')); // 'retired'
 * ```
 */
export function modelStatus(model: ModelInfo, now: Date = new Date()): ModelStatus {
  const today = day(now);
  if (model.status === 'retired' || (model.retiresOn !== undefined && model.retiresOn <= today)) {
    return 'retired';
  }
  if (
    model.status === 'deprecated' ||
    model.deprecated !== undefined ||
    (model.deprecatedOn !== undefined && model.deprecatedOn <= today)
  ) {
    return 'deprecated';
  }
  return model.status ?? 'ga';
}

/**
 * One line on a model's lifecycle, for listings and messages: its status, the dates and the
 * replacement (`retired 2026-09-24; use veo-3.1-generate-001`).
 *
 * @example
 * ```ts
 * describeModelStatus(model); // 'deprecated since 2026-06-01, retires 2026-10-22; use gen4.5'
 * ```
 */
export function describeModelStatus(model: ModelInfo, now: Date = new Date()): string {
  const status = modelStatus(model, now);
  const parts: string[] = [];
  if (status === 'retired') {
    parts.push(model.retiresOn ? `retired ${model.retiresOn}` : 'retired');
  } else if (status === 'deprecated') {
    const since = model.deprecatedOn ? ` since ${model.deprecatedOn}` : '';
    const until = model.retiresOn ? `, retires ${model.retiresOn}` : '';
    parts.push(`deprecated${since}${until}`);
  } else {
    parts.push(model.retiresOn ? `${status}, retires ${model.retiresOn}` : status);
  }
  if (model.replacement && status !== 'ga' && status !== 'preview') parts.push(`use ${model.replacement}`);
  return parts.join('; ');
}

/**
 * A provider's default model: its first model that is not retired on the given day, or its first
 * model when every one is retired (which a request then refuses unless it opts in).
 *
 * @example
 * ```ts
 * defaultModel(provider.models)?.id; // 'veo-3.1-generate-001'
 * ```
 */
export function defaultModel(models: readonly ModelInfo[], now: Date = new Date()): ModelInfo | undefined {
  return models.find((model) => modelStatus(model, now) !== 'retired') ?? models[0];
}
