import { type GenerationWarning, type ProviderPlugin, type VideoProvider, withPrices } from '@video-gen/core';
import { resolveSoraConfig, soraSession } from './sora-client.js';
import { SoraConfig } from './sora-config.js';
import { soraModels } from './sora-models.js';
import { soraPrices } from './sora-prices.js';
import { createVideosApiProvider } from './videos-api-provider.js';

/**
 * The registry id of the OpenAI Sora provider.
 *
 * @example
 * ```ts
 * await generateVideo({ provider: SORA_PROVIDER_ID, prompt: 'waves' }); // same as provider: 'sora2'
 * ```
 */
export const SORA_PROVIDER_ID = 'sora2';

/**
 * The notice every OpenAI Sora generation carries: OpenAI scheduled the Videos API's shutdown.
 *
 * @example
 * ```ts
 * result.warnings.some((w) => w.message === SORA_SHUTDOWN_WARNING.message); // true
 * ```
 */
export const SORA_SHUTDOWN_WARNING: GenerationWarning = {
  type: 'deprecated',
  feature: 'provider',
  message:
    'OpenAI shut down the Sora 2 Videos API on 2026-09-24 (per OpenAI; the openai SDK marks every videos method deprecated). ' +
    'Calls may fail; Azure AI Foundry Sora 2 (provider "azure-sora", @video-gen/provider-azure-sora) serves the same model.',
};

/**
 * Creates the OpenAI Sora 2 provider (id `sora2`) over the official openai SDK's Videos API.
 * Settings not given are read from the environment on first use, so creating it never throws:
 * the first submit without a key is a ConfigurationError naming `OPENAI_API_KEY`. Every
 * generation carries a `deprecated` warning (the API's announced shutdown).
 *
 * @example
 * ```ts
 * import { generateVideo } from '@video-gen/core';
 * import { createSora } from '@video-gen/provider-sora';
 *
 * const result = await generateVideo({
 *   provider: createSora({ apiKey: process.env.OPENAI_API_KEY }),
 *   model: 'sora-2-pro',
 *   prompt: 'A paper boat drifting down a rainy street',
 *   width: 1792, height: 1024, durationSeconds: 8,
 *   outPath: 'out/boat.mp4',
 * });
 * ```
 */
export function createSora(config: SoraConfig = {}): VideoProvider {
  return createVideosApiProvider({
    id: SORA_PROVIDER_ID,
    label: 'OpenAI Sora',
    models: withPrices(soraModels, soraPrices),
    session: () => soraSession(resolveSoraConfig(config)),
    warnings: () => [SORA_SHUTDOWN_WARNING],
  });
}

/**
 * The registry entry: `generateVideo({ provider: 'sora2' })` imports this package and uses it.
 *
 * @example
 * ```ts
 * import { registerProvider } from '@video-gen/core';
 * import { plugin } from '@video-gen/provider-sora';
 * registerProvider(plugin);
 * plugin.hasCredentials?.(process.env); // true when OPENAI_API_KEY is set
 * ```
 */
export const plugin: ProviderPlugin<SoraConfig> = {
  id: SORA_PROVIDER_ID,
  packageName: '@video-gen/provider-sora',
  description: 'OpenAI Sora 2 and Sora 2 Pro (Videos API; shut down by OpenAI on 2026-09-24).',
  create: (config) => createSora(config),
  hasCredentials: (env) => Boolean(env.OPENAI_API_KEY?.trim()),
  environmentVariables: SoraConfig.environmentVariables,
  config: SoraConfig,
};
