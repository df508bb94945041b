import { OpenAI } from 'openai';
import { type ResolvedSoraConfig, SoraConfig } from './sora-config.js';
import { sdkLogging } from './videos-api-logger.js';
import type { VideosApiSession } from './videos-api-provider.js';

/** Settings merged over the environment: explicit values win, `undefined` ones are ignored. */
export function resolveSoraConfig(settings: SoraConfig = {}): ResolvedSoraConfig {
  return SoraConfig.fromEnvironment({ overrides: settings });
}

/**
 * An openai SDK client for the Videos API: `Authorization: Bearer <key>`, the optional
 * organization and project headers, the SDK's own retries off (core's retry policy is the only
 * one), and nothing read from the environment behind the config's back.
 */
export function soraSession(config: ResolvedSoraConfig): VideosApiSession {
  const client = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseURL ?? 'https://api.openai.com/v1',
    organization: config.organization ?? null,
    project: config.project ?? null,
    maxRetries: 0,
    ...sdkLogging('OpenAI Sora'),
    ...(config.timeoutMs === undefined ? {} : { timeout: config.timeoutMs }),
    ...(config.headers === undefined ? {} : { defaultHeaders: config.headers }),
    ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
  });
  return { client, wireModel: (modelId) => modelId };
}
