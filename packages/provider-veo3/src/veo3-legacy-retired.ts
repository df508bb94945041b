import { type GenerationWarning, type ResolvedRequest, ValidationError } from '@video-gen/core';
import { GEMINI_API_RETIRED } from './veo3-models.js';

/**
 * gemini-legacy mode only: refuses a model id the Gemini Developer API has retired although
 * Vertex still serves it (core's own check cannot see the mode), before any call, naming the
 * replacement; with `allowRetiredModels`, a `deprecated` warning instead.
 *
 * @throws {ValidationError} `model_retired`.
 */
export function checkLegacyRetired(request: ResolvedRequest, now: Date = new Date()): GenerationWarning[] {
  const retired = GEMINI_API_RETIRED[request.model.id];
  if (!retired || retired.retiresOn > now.toISOString().slice(0, 10)) return [];
  const what = `${request.model.id} was retired on the Gemini Developer API on ${retired.retiresOn}`;
  if (request.allowRetiredModels === true) {
    return [
      {
        type: 'deprecated',
        feature: 'model',
        message: `${what}; sent anyway because allowRetiredModels is set`,
      },
    ];
  }
  throw new ValidationError(
    `veo3 / ${what} (gemini-legacy mode). Use ${retired.replacement} on Vertex AI, or pass allowRetiredModels: true (--allow-retired) if your key still has access.`,
    {
      code: 'model_retired',
      provider: 'veo3',
      issues: [{ field: 'model', message: what, allowed: [retired.replacement] }],
    },
  );
}
