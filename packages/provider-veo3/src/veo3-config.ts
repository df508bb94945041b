import type { GoogleGenAIOptions } from '@google/genai';
import { ConfigurationError, defineProviderConfig, envBoolean } from '@video-gen/core';
import { z } from 'zod';

/**
 * How the provider reaches Veo:
 * - `enterprise`: Vertex AI (the Gemini Enterprise Agent Platform) in a Google Cloud project, with
 *   OAuth credentials (application default credentials, or a token you supply);
 * - `express`: Vertex AI express mode, with a Google Cloud API key and no project;
 * - `gemini-legacy`: the Gemini Developer API with an AI Studio key, over REST. Legacy:
 *   `@google/genai` 3.x no longer serves Veo there, and Google may retire Veo on it.
 *
 * @example
 * ```ts
 * const mode: Veo3Mode = 'express';
 * ```
 */
export type Veo3Mode = 'enterprise' | 'express' | 'gemini-legacy';

/** google-auth-library options, as `@google/genai` takes them. */
export type Veo3GoogleAuthOptions = NonNullable<GoogleGenAIOptions['googleAuthOptions']>;

const isFunction = (value: unknown) => typeof value === 'function';

const schema = z.strictObject({
  mode: z.enum(['enterprise', 'express', 'gemini-legacy']).optional(),
  /** GOOGLE_GENAI_USE_ENTERPRISE / GOOGLE_GENAI_USE_VERTEXAI: use Vertex AI rather than the Gemini API. */
  enterprise: envBoolean().optional(),
  project: z.string().min(1).optional(),
  location: z.string().min(1).optional(),
  apiKey: z.string().min(1).optional(),
  accessToken: z.string().min(1).optional(),
  getAccessToken: z.custom<() => Promise<string>>(isFunction, 'expected a function').optional(),
  googleAuthOptions: z.custom<Veo3GoogleAuthOptions>((v) => typeof v === 'object' && v !== null).optional(),
  baseURL: z.url().optional(),
  apiVersion: z.string().min(1).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  fetch: z.custom<typeof globalThis.fetch>(isFunction, 'expected a fetch function').optional(),
  timeoutMs: z.coerce.number().int().positive().optional(),
});

/**
 * Settings of the Veo provider. Every field is optional: `createVeo3()` with none reads the
 * environment on first use.
 *
 * @example
 * ```ts
 * // Vertex AI in a project, with application default credentials:
 * const enterprise: Veo3Config = { project: 'my-project', location: 'us-central1' };
 * // Vertex AI express mode:
 * const express: Veo3Config = { mode: 'express', apiKey: process.env.GOOGLE_API_KEY };
 * ```
 */
export type Veo3Config = z.input<typeof schema>;

/**
 * The Veo config definition: `Veo3Config.fromEnvironment()` reads `GOOGLE_GENAI_USE_ENTERPRISE`
 * (or `GOOGLE_GENAI_USE_VERTEXAI`), `GOOGLE_CLOUD_PROJECT`, `GOOGLE_CLOUD_LOCATION`,
 * `GOOGLE_API_KEY` / `GOOGLE_CLOUD_API_KEY` / `GEMINI_API_KEY`, `GOOGLE_VERTEX_BASE_URL` and
 * `GOOGLE_GENAI_API_VERSION` from the environment and `.env`. The API key and access token are
 * registered as secrets, so logs redact them. Missing credentials are reported on first use, per
 * mode, not here.
 *
 * @example
 * ```ts
 * const config = Veo3Config.fromEnvironment({ overrides: { location: 'us-central1' } });
 * const veo = createVeo3(config);
 * ```
 */
export const Veo3Config = defineProviderConfig({
  provider: 'veo3',
  schema,
  env: {
    enterprise: ['GOOGLE_GENAI_USE_ENTERPRISE', 'GOOGLE_GENAI_USE_VERTEXAI'],
    project: ['GOOGLE_CLOUD_PROJECT'],
    location: ['GOOGLE_CLOUD_LOCATION'],
    apiKey: ['GOOGLE_API_KEY', 'GOOGLE_CLOUD_API_KEY', 'GEMINI_API_KEY'],
    baseURL: ['GOOGLE_VERTEX_BASE_URL'],
    apiVersion: ['GOOGLE_GENAI_API_VERSION'],
  },
  secrets: ['apiKey', 'accessToken'],
});

/** The SDK's default location when none is set: the global endpoint. */
export const DEFAULT_LOCATION = 'global';

const PROJECT_VARS = ['GOOGLE_CLOUD_PROJECT'];
const FLAG_VARS = ['GOOGLE_GENAI_USE_ENTERPRISE', 'GOOGLE_GENAI_USE_VERTEXAI'];
const EXPRESS_KEY_VARS = ['GOOGLE_API_KEY', 'GOOGLE_CLOUD_API_KEY'];
const LEGACY_KEY_VARS = ['GEMINI_API_KEY', 'GOOGLE_API_KEY'];

/** A config with its mode decided and the mode's required fields present (internal). */
export type ResolvedVeo3Config =
  | (Readonly<Veo3ConfigValues> & {
      readonly mode: 'enterprise';
      readonly project: string;
      readonly location: string;
    })
  | (Readonly<Veo3ConfigValues> & { readonly mode: 'express'; readonly apiKey: string })
  | (Readonly<Veo3ConfigValues> & { readonly mode: 'gemini-legacy'; readonly apiKey: string });

type Veo3ConfigValues = z.output<typeof schema>;

/**
 * Validates a config, decides its mode and checks that mode's credentials. An explicit `mode`
 * wins; otherwise the Vertex flag (or a project) selects Vertex AI (a project meaning enterprise,
 * else an API key meaning express) and a bare API key selects the legacy Gemini API.
 *
 * @example
 * ```ts
 * const resolved = resolveVeo3Config({ project: 'p' }); // { mode: 'enterprise', location: 'global', ... }
 * ```
 */
export function resolveVeo3Config(input: Veo3Config): ResolvedVeo3Config {
  const config = Veo3Config.parse(input);
  const mode = config.mode ?? inferMode(config);
  const fail = (message: string, variables: readonly string[]) =>
    new ConfigurationError(`veo3 configuration: ${message}`, { provider: 'veo3', variables });
  switch (mode) {
    case 'enterprise':
      if (!config.project) {
        throw fail(
          'mode enterprise (Vertex AI with Google Cloud credentials) needs a project: set GOOGLE_CLOUD_PROJECT (and GOOGLE_CLOUD_LOCATION, default global) with GOOGLE_GENAI_USE_ENTERPRISE=true, or pass { project }.',
          [...PROJECT_VARS, 'GOOGLE_CLOUD_LOCATION', ...FLAG_VARS],
        );
      }
      return { ...config, mode, project: config.project, location: config.location ?? DEFAULT_LOCATION };
    case 'express':
      if (!config.apiKey) {
        throw fail(
          'mode express (Vertex AI with an API key) needs a key: set GOOGLE_API_KEY or GOOGLE_CLOUD_API_KEY with GOOGLE_GENAI_USE_ENTERPRISE=true, or pass { mode: "express", apiKey }.',
          [...EXPRESS_KEY_VARS, ...FLAG_VARS],
        );
      }
      return { ...config, mode, apiKey: config.apiKey };
    case 'gemini-legacy':
      if (!config.apiKey) {
        throw fail(
          'mode gemini-legacy (the Gemini Developer API; legacy, Veo may be retired there) needs a key: set GEMINI_API_KEY or GOOGLE_API_KEY (an AI Studio key), or pass { mode: "gemini-legacy", apiKey }.',
          [...LEGACY_KEY_VARS],
        );
      }
      return { ...config, mode, apiKey: config.apiKey };
    default:
      throw fail(
        'no credentials found. Any one of these works: (1) Vertex AI in a project: GOOGLE_CLOUD_PROJECT (GOOGLE_CLOUD_LOCATION is optional, default global) with application default credentials (gcloud auth application-default login); (2) Vertex AI express mode: GOOGLE_GENAI_USE_ENTERPRISE=true with GOOGLE_API_KEY or GOOGLE_CLOUD_API_KEY (a Google Cloud API key, no project); (3) the Gemini Developer API (legacy): GEMINI_API_KEY or GOOGLE_API_KEY (an AI Studio key) without GOOGLE_GENAI_USE_ENTERPRISE. GOOGLE_CLOUD_LOCATION or the flag alone is not enough.',
        [...FLAG_VARS, ...PROJECT_VARS, 'GOOGLE_CLOUD_LOCATION', ...EXPRESS_KEY_VARS, 'GEMINI_API_KEY'],
      );
  }
}

function inferMode(config: Veo3ConfigValues): Veo3Mode | undefined {
  const hasTokenSource = Boolean(config.accessToken || config.getAccessToken || config.googleAuthOptions);
  if (config.enterprise === true || (config.enterprise === undefined && (config.project || hasTokenSource))) {
    if (config.project) return 'enterprise';
    if (config.apiKey) return 'express';
    return 'enterprise';
  }
  return config.apiKey ? 'gemini-legacy' : undefined;
}

/**
 * Whether `env` holds credentials for a mode: enterprise or express (with the Vertex flag, or a
 * project), or the legacy Gemini API (a key without the flag). Never reads a value out, only
 * whether it is set.
 *
 * @example
 * ```ts
 * hasVeo3Credentials({ GOOGLE_GENAI_USE_ENTERPRISE: 'true', GOOGLE_CLOUD_PROJECT: 'p' }); // true
 * ```
 */
export function hasVeo3Credentials(env: Readonly<Record<string, string | undefined>>): boolean {
  const set = (name: string) => Boolean(env[name]?.trim());
  const flag = (env.GOOGLE_GENAI_USE_ENTERPRISE ?? env.GOOGLE_GENAI_USE_VERTEXAI)?.trim().toLowerCase();
  const vertex =
    flag === undefined || flag === ''
      ? set('GOOGLE_CLOUD_PROJECT')
      : ['true', '1', 'yes', 'on', 'y', 'enabled'].includes(flag);
  if (vertex) return set('GOOGLE_CLOUD_PROJECT') || EXPRESS_KEY_VARS.some(set);
  return LEGACY_KEY_VARS.some(set);
}
