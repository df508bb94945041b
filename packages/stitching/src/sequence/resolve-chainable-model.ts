import { getProvider, type ModelInfo, ValidationError, type VideoProvider } from '@video-gen/core';

/** The provider a sequence runs on (default `local`, as in core), resolved through core's registry for an id. */
export async function resolveSequenceProvider(
  provider: string | VideoProvider | undefined,
  config: unknown,
): Promise<VideoProvider> {
  if (provider !== undefined && typeof provider !== 'string') return provider;
  return getProvider(provider ?? 'local', config);
}

/**
 * The model a sequence uses, which must take a first frame: that is how clip N+1 starts where
 * clip N ended. Checked before anything is generated.
 *
 * @throws {ValidationError} `unknown_model`, or `model_cannot_chain` naming the provider's models that can.
 */
export function resolveChainableModel(provider: VideoProvider, modelId: string | undefined): ModelInfo {
  const model =
    modelId === undefined
      ? provider.models[0]
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
  if (!model.images.firstFrame) {
    const capable = provider.models
      .filter((candidate) => candidate.images.firstFrame)
      .map((candidate) => candidate.id);
    const hint =
      capable.length > 0
        ? `Models of ${provider.id} that can: ${capable.join(', ')}.`
        : `No model of ${provider.id} can; use a provider whose model declares images.firstFrame (such as local-v1 of the local provider).`;
    throw new ValidationError(
      `Model ${model.id} of ${provider.id} does not take a first frame, so its clips cannot be chained (each clip starts from the previous clip's last frame). ${hint}`,
      {
        code: 'model_cannot_chain',
        provider: provider.id,
        issues: [{ field: 'model', message: `${model.id} does not take a first frame`, allowed: capable }],
      },
    );
  }
  return model;
}
