import { defineProviderConfig, type ProviderConfigDefinition } from '@video-gen/core';
import { SORA_MODEL_IDS, type SoraModelId } from '@video-gen/provider-sora';
import { z } from 'zod';

const fetchFunction = z.custom<typeof globalThis.fetch>((value) => typeof value === 'function', {
  message: 'expected a fetch function',
});
const tokenProvider = z.custom<() => Promise<string>>((value) => typeof value === 'function', {
  message: 'expected a function returning a Promise of a Microsoft Entra token',
});

const schema = z
  .strictObject({
    /** The resource endpoint, `https://{resource}.openai.azure.com` (`AZURE_OPENAI_ENDPOINT`). */
    endpoint: z.url().optional(),
    /** The resource key, sent as the `api-key` header (`AZURE_OPENAI_API_KEY`). */
    apiKey: z.string().min(1).optional(),
    /** Returns a Microsoft Entra ID token, sent as `Authorization: Bearer`; instead of `apiKey`. */
    azureADTokenProvider: tokenProvider.optional(),
    /** The deployment name, sent as `model` (`AZURE_OPENAI_DEPLOYMENT`). */
    deployment: z.string().min(1).optional(),
    /** The model the deployment runs, for its capabilities. Default `sora-2`. */
    modelFamily: z.enum(SORA_MODEL_IDS as [SoraModelId, ...SoraModelId[]]).optional(),
    /** An `api-version` query parameter, only for gateways or preview routes that need one (`AZURE_OPENAI_API_VERSION`). The v1 API takes none. */
    apiVersion: z.string().min(1).optional(),
    /** The API base URL; default `{endpoint}/openai/v1`. */
    baseURL: z.url().optional(),
    /** Extra headers on every request. */
    headers: z.record(z.string(), z.string()).optional(),
    /** The `fetch` the SDK uses. */
    fetch: fetchFunction.optional(),
    /** Per-request timeout in milliseconds. */
    timeoutMs: z.coerce.number().int().positive().optional(),
  })
  .superRefine((config, ctx) => {
    // Every missing setting is reported at once, each naming its variable.
    const missing = (path: string, message: string) =>
      ctx.addIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: [path], message });
    if (config.endpoint === undefined && config.baseURL === undefined) {
      missing('endpoint', 'the Azure OpenAI resource endpoint (or baseURL) is required');
    }
    if (config.apiKey === undefined && config.azureADTokenProvider === undefined) {
      missing('apiKey', 'an API key or an azureADTokenProvider is required');
    }
    if (config.apiKey !== undefined && config.azureADTokenProvider !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['azureADTokenProvider'],
        message:
          'give either apiKey or azureADTokenProvider, not both (Azure takes one credential per request)',
      });
    }
    if (config.deployment === undefined) missing('deployment', 'the deployment name is required');
  });

/**
 * The settings of the Azure Sora provider. Everything is optional here: what is not given is read
 * from the environment (and `.env`) on first use.
 *
 * @example
 * ```ts
 * import { DefaultAzureCredential, getBearerTokenProvider } from '@azure/identity';
 * const settings: AzureSoraConfig = {
 *   endpoint: 'https://my-resource.openai.azure.com',
 *   deployment: 'sora-2',
 *   azureADTokenProvider: getBearerTokenProvider(new DefaultAzureCredential(), 'https://cognitiveservices.azure.com/.default'),
 * };
 * ```
 */
export type AzureSoraConfig = z.input<typeof schema>;

/** A validated {@link AzureSoraConfig}: endpoint (or base URL), one credential and the deployment are present. */
export type ResolvedAzureSoraConfig = z.output<typeof schema>;

const environment = {
  endpoint: ['AZURE_OPENAI_ENDPOINT'],
  apiKey: ['AZURE_OPENAI_API_KEY'],
  deployment: ['AZURE_OPENAI_DEPLOYMENT', 'AZURE_OPENAI_DEPLOYMENT_NAME'],
  apiVersion: ['AZURE_OPENAI_API_VERSION'],
};
const withEnvironmentKey = defineProviderConfig({
  provider: 'azure-sora',
  schema,
  env: environment,
  secrets: ['apiKey'],
});
// For a credential passed in code: the environment's key must not join it (Azure takes one).
const { apiKey: _environmentKey, ...withoutKey } = environment;
const withoutEnvironmentKey = defineProviderConfig({
  provider: 'azure-sora',
  schema,
  env: withoutKey,
  secrets: ['apiKey'],
});

/**
 * The Azure Sora config definition: `AzureSoraConfig.fromEnvironment()` reads
 * `AZURE_OPENAI_ENDPOINT`, `AZURE_OPENAI_API_KEY`, `AZURE_OPENAI_DEPLOYMENT` (or
 * `AZURE_OPENAI_DEPLOYMENT_NAME`) and `AZURE_OPENAI_API_VERSION`; `AzureSoraConfig.parse(value)`
 * validates explicit settings. What is missing is one ConfigurationError naming each variable;
 * the key is registered for redaction and never quoted.
 *
 * Settings passed in code win over the environment, and a credential passed in code (`apiKey` or
 * `azureADTokenProvider`) replaces every credential from the environment: an
 * `AZURE_OPENAI_API_KEY` in the environment or `.env` is ignored beside a token provider.
 *
 * @example
 * ```ts
 * import { AzureSoraConfig, createAzureSora } from '@video-gen/provider-azure-sora';
 * const config = AzureSoraConfig.fromEnvironment({ overrides: { modelFamily: 'sora-2-pro' } });
 * const provider = createAzureSora(config);
 * ```
 */
export const AzureSoraConfig: ProviderConfigDefinition<typeof schema> = {
  ...withEnvironmentKey,
  fromEnvironment(options = {}) {
    const { apiKey, azureADTokenProvider } = options.overrides ?? {};
    const credentialInCode = apiKey !== undefined || azureADTokenProvider !== undefined;
    return (credentialInCode ? withoutEnvironmentKey : withEnvironmentKey).fromEnvironment(options);
  },
};
