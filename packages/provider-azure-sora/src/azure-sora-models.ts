import { ConfigurationError, type ModelInfo } from '@video-gen/core';
import { type SoraModelId, soraModels } from '@video-gen/provider-sora';

/**
 * The Sora 2 table with the deployment's model first, so it is the default: Azure runs one model
 * per deployment, and its capabilities (sizes, durations) are that model's.
 *
 * @example
 * ```ts
 * azureSoraModels('sora-2-pro')[0]?.id; // 'sora-2-pro'
 * ```
 */
export function azureSoraModels(family: SoraModelId = 'sora-2'): readonly ModelInfo[] {
  const first = soraModels.find((model) => model.id === family);
  if (!first) {
    throw new ConfigurationError(
      `azure-sora configuration: modelFamily "${family}" is not a Sora 2 model; use one of ${soraModels.map((m) => m.id).join(', ')}.`,
      { provider: 'azure-sora' },
    );
  }
  return [first, ...soraModels.filter((model) => model !== first)];
}
