import type { ModelInfo } from '../contract/model-info.js';
import { defaultModel } from '../contract/model-status.js';
import type { VideoProvider } from '../contract/video-provider.js';
import { ValidationError } from '../errors/validation-error.js';

/**
 * The model a request names (by id or alias), or the provider's default (its first model that is not retired).
 *
 * @throws {ValidationError} `unknown_model`, listing the provider's models.
 * @example
 * ```ts
 * const model = resolveModel(await resolveProvider('local'), undefined); // local-v1
 * ```
 */
export function resolveModel(provider: VideoProvider, modelId: string | undefined): ModelInfo {
  const model =
    modelId === undefined
      ? defaultModel(provider.models)
      : provider.models.find((candidate) => candidate.id === modelId || candidate.aliases?.includes(modelId));
  if (!model) {
    const allowed = provider.models.map((candidate) => candidate.id);
    throw new ValidationError(
      `Unknown model "${modelId}" for provider ${provider.id}. Models: ${allowed.join(', ') || '(none)'}.`,
      {
        code: 'unknown_model',
        provider: provider.id,
        issues: [{ field: 'model', message: 'unknown model', allowed }],
      },
    );
  }
  return model;
}
