import { ConfigurationError, registerSecret } from '@video-gen/core';
import { sdkLogging, type VideosApiSession } from '@video-gen/provider-sora/videos-api';
import { OpenAI } from 'openai';
import { AzureSoraConfig, type ResolvedAzureSoraConfig } from './azure-sora-config.js';

/** Settings merged over the environment: explicit values win, `undefined` ones are ignored. */
export function resolveAzureSoraConfig(settings: AzureSoraConfig = {}): ResolvedAzureSoraConfig {
  try {
    return AzureSoraConfig.fromEnvironment({ overrides: settings });
  } catch (error) {
    // A token provider is code, not a variable: the generic message cannot know to mention it.
    const missingKey = 'apiKey is required: set AZURE_OPENAI_API_KEY';
    if (!ConfigurationError.isInstance(error) || !error.message.includes(missingKey)) throw error;
    throw new ConfigurationError(
      error.message.replace(
        missingKey,
        `${missingKey} (or pass azureADTokenProvider for Microsoft Entra ID)`,
      ),
      { provider: error.provider, variables: error.variables },
    );
  }
}

/** `{endpoint}/openai/v1`, the v1 API's base, unless a base URL is given. */
export function azureBaseURL(config: Pick<ResolvedAzureSoraConfig, 'endpoint' | 'baseURL'>): string {
  if (config.baseURL) return config.baseURL;
  return `${(config.endpoint ?? '').replace(/\/+$/, '')}/openai/v1`;
}

/**
 * An openai SDK client for Azure's v1 Videos API. With a key: the `api-key` header and no
 * `Authorization` (Azure takes one credential), and redirects are not followed, so the key never
 * reaches another origin. With an Entra token provider: `Authorization: Bearer <token>`, a fresh
 * token per request. No `api-version` unless configured; the SDK's retries off.
 */
export function azureSoraSession(config: ResolvedAzureSoraConfig): VideosApiSession {
  const { apiKey, deployment } = config;
  const tokenProvider = config.azureADTokenProvider;
  // Each Entra token is registered as a secret, so a vendor quoting it back is redacted everywhere.
  const azureADTokenProvider =
    tokenProvider &&
    (async () => {
      const token = await tokenProvider();
      registerSecret(token);
      return token;
    });
  const client = new OpenAI({
    baseURL: azureBaseURL(config),
    // The SDK turns this into `Authorization: Bearer`; for a key that header is removed below.
    apiKey: azureADTokenProvider ?? apiKey ?? null,
    organization: null,
    project: null,
    maxRetries: 0,
    ...sdkLogging('Azure OpenAI Sora'),
    // Exactly one credential header, whatever `headers` holds.
    defaultHeaders:
      apiKey !== undefined
        ? { ...config.headers, 'api-key': apiKey, Authorization: null }
        : { ...config.headers, 'api-key': null },
    ...(apiKey !== undefined ? { fetchOptions: { redirect: 'manual' as const } } : {}),
    ...(config.apiVersion === undefined ? {} : { defaultQuery: { 'api-version': config.apiVersion } }),
    ...(config.timeoutMs === undefined ? {} : { timeout: config.timeoutMs }),
    ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
    // A token provider is the documented way to use Entra ID in any runtime.
    ...(azureADTokenProvider !== undefined ? { dangerouslyAllowBrowser: true } : {}),
  });
  return { client, wireModel: () => deployment!, jobData: { deployment: deployment! } };
}
