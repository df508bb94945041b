import type { ProviderPlugin, VideoProvider } from '@video-gen/core';
import { createVideosApiProvider, type VideosApiSession } from '@video-gen/provider-sora/videos-api';
import { azureBaseURL, azureSoraSession, resolveAzureSoraConfig } from './azure-sora-client.js';
import { AzureSoraConfig, type ResolvedAzureSoraConfig } from './azure-sora-config.js';
import { azureSoraError } from './azure-sora-errors.js';
import { azureSoraModels } from './azure-sora-models.js';

/**
 * The registry id of the Azure Sora provider.
 *
 * @example
 * ```ts
 * await generateVideo({ provider: AZURE_SORA_PROVIDER_ID, prompt: 'waves' }); // same as provider: 'azure-sora'
 * ```
 */
export const AZURE_SORA_PROVIDER_ID = 'azure-sora';

/** The vendor's name in messages. */
export const AZURE_SORA_LABEL = 'Azure OpenAI Sora';

/** The resolved config and session of a provider, built together on first use. */
export interface AzureSoraConnection {
  readonly config: ResolvedAzureSoraConfig;
  readonly session: VideosApiSession;
  /** Maps an SDK error with the Azure specifics (deployment, credential), then the shared mapping. */
  mapError(error: unknown, call: { provider: string; label: string; operation: string }): unknown;
}

/** Resolves the config (settings over the environment) and connects; throws ConfigurationError. */
export function connectAzureSora(settings: AzureSoraConfig): AzureSoraConnection {
  const config = resolveAzureSoraConfig(settings);
  const context = {
    deployment: config.deployment!,
    baseURL: azureBaseURL(config),
    credential: config.apiKey !== undefined ? ('api-key' as const) : ('entra' as const),
  };
  return {
    config,
    session: azureSoraSession(config),
    mapError: (error, call) => azureSoraError(error, call, context),
  };
}

/**
 * Creates the Azure AI Foundry Sora 2 provider (id `azure-sora`) over the official openai SDK,
 * pointed at the resource's v1 Videos API (`{endpoint}/openai/v1/videos`). The deployment name is
 * sent as `model`; `modelFamily` (default `sora-2`) says which model the deployment runs, for its
 * sizes and durations. Authenticates with the `api-key` header or a Microsoft Entra token provider.
 * Settings not given are read from the environment on first use, so creating it never needs a key;
 * the first submit without endpoint, credential or deployment is a ConfigurationError naming each
 * missing variable.
 *
 * @example
 * ```ts
 * import { generateVideo } from '@video-gen/core';
 * import { createAzureSora } from '@video-gen/provider-azure-sora';
 *
 * const result = await generateVideo({
 *   provider: createAzureSora({ endpoint: 'https://my-resource.openai.azure.com', deployment: 'sora-2', apiKey }),
 *   prompt: 'A paper boat drifting down a rainy street',
 *   width: 1280, height: 720, durationSeconds: 8,
 *   outPath: 'out/boat.mp4',
 * });
 * ```
 */
export function createAzureSora(config: AzureSoraConfig = {}): VideoProvider {
  let connection: AzureSoraConnection | undefined;
  const connect = () => {
    connection ??= connectAzureSora(config);
    return connection;
  };
  return createVideosApiProvider({
    id: AZURE_SORA_PROVIDER_ID,
    label: AZURE_SORA_LABEL,
    models: azureSoraModels(config.modelFamily),
    session: () => connect().session,
    mapError: (error, call) => connection?.mapError(error, call),
  });
}

/**
 * The registry entry: `generateVideo({ provider: 'azure-sora' })` imports this package and uses it.
 *
 * @example
 * ```ts
 * import { registerProvider } from '@video-gen/core';
 * import { plugin } from '@video-gen/provider-azure-sora';
 * registerProvider(plugin);
 * plugin.hasCredentials?.(process.env); // endpoint, key and deployment set?
 * ```
 */
export const plugin: ProviderPlugin<AzureSoraConfig> = {
  id: AZURE_SORA_PROVIDER_ID,
  packageName: '@video-gen/provider-azure-sora',
  description: 'Sora 2 on Azure AI Foundry / Azure OpenAI (v1 Videos API; API key or Microsoft Entra ID).',
  create: (config) => createAzureSora(config),
  // A token provider cannot come from the environment: only a key counts here.
  hasCredentials: (env) =>
    Boolean(
      env.AZURE_OPENAI_ENDPOINT?.trim() &&
        env.AZURE_OPENAI_API_KEY?.trim() &&
        (env.AZURE_OPENAI_DEPLOYMENT?.trim() || env.AZURE_OPENAI_DEPLOYMENT_NAME?.trim()),
    ),
  environmentVariables: AzureSoraConfig.environmentVariables,
  config: AzureSoraConfig,
};
