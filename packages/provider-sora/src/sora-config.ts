import { defineProviderConfig } from '@video-gen/core';
import { z } from 'zod';

const fetchFunction = z.custom<typeof globalThis.fetch>((value) => typeof value === 'function', {
  message: 'expected a fetch function',
});

const schema = z.strictObject({
  /** The OpenAI API key (`OPENAI_API_KEY`). */
  apiKey: z.string().min(1),
  /** The API base URL (`OPENAI_BASE_URL`); default `https://api.openai.com/v1`. */
  baseURL: z.url().optional(),
  /** The organization id sent as `OpenAI-Organization` (`OPENAI_ORG_ID` or `OPENAI_ORGANIZATION`). */
  organization: z.string().min(1).optional(),
  /** The project id sent as `OpenAI-Project` (`OPENAI_PROJECT_ID`). */
  project: z.string().min(1).optional(),
  /** Extra headers on every request (a gateway's, say). */
  headers: z.record(z.string(), z.string()).optional(),
  /** The `fetch` the SDK uses (a proxy, a test double). */
  fetch: fetchFunction.optional(),
  /** Per-request timeout in milliseconds (the SDK's; core's overall `timeoutMs` still applies). */
  timeoutMs: z.coerce.number().int().positive().optional(),
});

/**
 * The settings of the OpenAI Sora provider. Everything is optional here: what is not given is read
 * from the environment (and `.env`) on first use.
 *
 * @example
 * ```ts
 * const settings: SoraConfig = { apiKey: process.env.MY_KEY, baseURL: 'https://gateway.example/v1' };
 * const provider = createSora(settings);
 * ```
 */
export type SoraConfig = Partial<z.input<typeof schema>>;

/** A validated {@link SoraConfig}: the key is present. */
export type ResolvedSoraConfig = z.output<typeof schema>;

/**
 * The OpenAI Sora config definition: `SoraConfig.fromEnvironment()` reads `OPENAI_API_KEY`,
 * `OPENAI_BASE_URL`, `OPENAI_ORG_ID` (or `OPENAI_ORGANIZATION`) and `OPENAI_PROJECT_ID`;
 * `SoraConfig.parse(value)` validates explicit settings. A missing key is a ConfigurationError
 * naming `OPENAI_API_KEY`; the key is registered for redaction and never quoted.
 *
 * @example
 * ```ts
 * import { SoraConfig, createSora } from '@video-gen/provider-sora';
 * const config = SoraConfig.fromEnvironment({ overrides: { timeoutMs: 60_000 } });
 * const provider = createSora(config);
 * ```
 */
export const SoraConfig = defineProviderConfig({
  provider: 'sora2',
  schema,
  env: {
    apiKey: ['OPENAI_API_KEY'],
    baseURL: ['OPENAI_BASE_URL'],
    organization: ['OPENAI_ORG_ID', 'OPENAI_ORGANIZATION'],
    project: ['OPENAI_PROJECT_ID'],
  },
  secrets: ['apiKey'],
});
