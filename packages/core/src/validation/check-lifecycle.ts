import type { ModelInfo } from '../contract/model-info.js';
import { describeModelStatus, modelStatus } from '../contract/model-status.js';
import type { GenerationWarning } from '../contract/request.js';
import type { VideoProvider } from '../contract/video-provider.js';
import { ValidationError } from '../errors/validation-error.js';

/**
 * Refuses a retired model (or one past its `retiresOn` day) before anything is sent, naming the
 * replacement, unless `allowRetired` is set; returns a `deprecated` warning, with the dates, for
 * a deprecated model, and for a retired one let through by the opt-in.
 *
 * @throws {ValidationError} `model_retired`.
 */
export function checkLifecycle(
  provider: VideoProvider,
  model: ModelInfo,
  allowRetired: boolean,
  now: Date = new Date(),
): GenerationWarning[] {
  const status = modelStatus(model, now);
  if (status === 'retired') {
    const described = describeModelStatus(model, now);
    if (!allowRetired) {
      const instead = model.replacement ? ` Use ${model.replacement} instead, or pass` : ' Pass';
      throw new ValidationError(
        `${provider.id} / ${model.id} is ${described}.${instead} allowRetiredModels: true (--allow-retired) if your account still has access.`,
        {
          code: 'model_retired',
          provider: provider.id,
          issues: [
            {
              field: 'model',
              message: `${model.id} is ${described}`,
              ...(model.replacement ? { allowed: [model.replacement] } : {}),
            },
          ],
        },
      );
    }
    return [
      {
        type: 'deprecated',
        feature: 'model',
        message: `${model.id} is ${described}; sent anyway because allowRetiredModels is set`,
      },
    ];
  }
  if (status === 'deprecated') {
    const note = model.deprecated ? `: ${model.deprecated}` : '';
    return [
      {
        type: 'deprecated',
        feature: 'model',
        message: `${model.id} is ${describeModelStatus(model, now)}${note}`,
      },
    ];
  }
  return [];
}
