import { ConfigurationError, type ModelInfo, withPrices } from '@video-gen/core';
import { type SoraModelId, soraModels } from '@video-gen/provider-sora';
import { azureSoraPrices } from './azure-sora-prices.js';

/**
 * Azure's own lifecycle for Sora 2, which differs from OpenAI's: `sora-2` deployments are
 * reported retired on 2026-10-15. Not in any installed SDK (Azure Sora has none here): a report.
 */
const AZURE_LIFECYCLE: Pick<ModelInfo, 'status' | 'retiresOn' | 'source'> = {
  status: 'retired',
  retiresOn: '2026-10-15',
  source:
    'reported (issue 17, secondary source): Azure AI Foundry sora-2 deployments retired 2026-10-15; not verifiable from an installed SDK',
};

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
  const models = [first, ...soraModels.filter((model) => model !== first)].map((model) => ({
    ...model,
    ...AZURE_LIFECYCLE,
  }));
  return withPrices(models, azureSoraPrices);
}
