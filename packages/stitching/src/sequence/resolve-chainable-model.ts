import { type ModelInfo, resolveModel, ValidationError, type VideoProvider } from '@video-gen/core';

/**
 * The model a sequence uses, which must take a first frame: that is how clip N+1 starts where
 * clip N ended. Checked before anything is generated.
 *
 * @throws {ValidationError} `unknown_model`, or `model_cannot_chain` naming the provider's models that can.
 */
export function resolveChainableModel(provider: VideoProvider, modelId: string | undefined): ModelInfo {
  const model = resolveModel(provider, modelId);
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
