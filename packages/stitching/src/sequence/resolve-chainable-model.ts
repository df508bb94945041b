import { type ModelInfo, resolveModel, ValidationError, type VideoProvider } from '@video-gen/core';
import type { SequenceChain } from './sequence-options.js';

function refuse(
  provider: VideoProvider,
  model: ModelInfo,
  code: string,
  why: string,
  capable: readonly string[],
  hintNone: string,
): never {
  const hint =
    capable.length > 0
      ? `Models of ${provider.id} that can: ${capable.join(', ')}.`
      : `No model of ${provider.id} can; ${hintNone}`;
  throw new ValidationError(`Model ${model.id} of ${provider.id} ${why} ${hint}`, {
    code,
    provider: provider.id,
    issues: [{ field: 'model', message: `${model.id} ${why.split(',')[0]}`, allowed: capable }],
  });
}

/**
 * The model a sequence uses. For `last-frame` chaining it must take a first frame (clip N+1
 * starts where clip N ended); for `extend` it must extend an input video
 * (`videoInput.uses` includes `extend`). Checked before anything is generated.
 *
 * @throws {ValidationError} `unknown_model`; `model_cannot_chain` or `model_cannot_extend`
 * naming the provider's models that can.
 */
export function resolveChainableModel(
  provider: VideoProvider,
  modelId: string | undefined,
  chain: SequenceChain = 'last-frame',
): ModelInfo {
  const model = resolveModel(provider, modelId);
  if (chain === 'extend') {
    if (!model.videoInput?.uses.includes('extend')) {
      const capable = provider.models.filter((m) => m.videoInput?.uses.includes('extend')).map((m) => m.id);
      refuse(
        provider,
        model,
        'model_cannot_extend',
        "does not extend a video, so its clips cannot be chained with chain: 'extend'.",
        capable,
        "use chain: 'last-frame', or a model whose videoInput.uses includes extend (such as veo-3.1-generate-001 on veo3).",
      );
    }
    return model;
  }
  if (!model.images.firstFrame) {
    const capable = provider.models.filter((m) => m.images.firstFrame).map((m) => m.id);
    refuse(
      provider,
      model,
      'model_cannot_chain',
      "does not take a first frame, so its clips cannot be chained (each clip starts from the previous clip's last frame).",
      capable,
      'use a provider whose model declares images.firstFrame (such as local-v1 of the local provider).',
    );
  }
  return model;
}
