import type { z } from 'zod';
import { ConfigurationError } from '../errors/configuration-error.js';
import { registerSecret } from '../log/secrets.js';
import { configurationError } from './config-issues.js';
import { type ReadEnvironmentOptions, readEnvironment } from './read-environment.js';

/** The fields a schema takes as input. */
type FieldName<S extends z.ZodObject> = Extract<keyof z.input<S>, string>;

/** What a provider package declares about its configuration. */
export interface ProviderConfigSpec<S extends z.ZodObject> {
  /** The provider id, used in error messages (`sora2 configuration: ...`). */
  provider: string;
  /**
   * The zod schema of the resolved config. Environment variables arrive as strings: use
   * `z.coerce.number()` for numbers and {@link envBoolean} for booleans. Use `z.strictObject`
   * to reject unknown keys.
   */
  schema: S;
  /** For each field, the environment variables that can set it; the first one set wins. */
  env: { readonly [K in FieldName<S>]?: readonly string[] };
  /** Fields holding secrets: registered for log redaction, never quoted in errors. */
  secrets?: readonly FieldName<S>[];
}

/** Options for `fromEnvironment()`. */
export interface FromEnvironmentOptions<S extends z.ZodObject> extends ReadEnvironmentOptions {
  /** Explicit values; they win over the environment. `undefined` values are ignored. */
  overrides?: { [K in FieldName<S>]?: z.input<S>[K] | undefined };
}

/** A provider's config definition, as returned by {@link defineProviderConfig}. */
export interface ProviderConfigDefinition<S extends z.ZodObject> {
  readonly provider: string;
  readonly schema: S;
  /** Every environment variable the config reads, for diagnostics and `ProviderPlugin.environmentVariables`. */
  readonly environmentVariables: readonly string[];
  /** Validates `input`; throws a `ConfigurationError` naming each bad field and its variables. */
  parse(input: unknown): z.output<S>;
  /** Reads the environment (and `.env`), applies `overrides`, then {@link ProviderConfigDefinition.parse | parse}s. */
  fromEnvironment(options?: FromEnvironmentOptions<S>): z.output<S>;
}

/**
 * Declares a provider's configuration: its zod schema, the environment variables behind each
 * field and which fields are secrets. Validation errors name the variable to set, and secret
 * values are registered so they are redacted from every log.
 *
 * @example
 * ```ts
 * export const soraConfig = defineProviderConfig({
 *   provider: 'sora2',
 *   schema: z.object({
 *     apiKey: z.string().min(1),
 *     baseUrl: z.url().default('https://api.openai.com/v1'),
 *     pollIntervalMs: z.coerce.number().int().positive().default(5000),
 *   }),
 *   env: { apiKey: ['OPENAI_API_KEY'], baseUrl: ['OPENAI_BASE_URL'], pollIntervalMs: ['SORA_POLL_INTERVAL_MS'] },
 *   secrets: ['apiKey'],
 * });
 * const config = soraConfig.fromEnvironment({ overrides: { pollIntervalMs: 2000 } });
 * // missing key → ConfigurationError: "sora2 configuration: apiKey is required: set OPENAI_API_KEY"
 * ```
 */
export function defineProviderConfig<S extends z.ZodObject>(
  spec: ProviderConfigSpec<S>,
): ProviderConfigDefinition<S> {
  const env = spec.env as Readonly<Record<string, readonly string[] | undefined>>;
  const secrets = new Set<string>(spec.secrets ?? []);
  const environmentVariables = [...new Set(Object.values(env).flatMap((vars) => vars ?? []))];

  const validate = (input: unknown, sources?: Record<string, string>): z.output<S> => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new ConfigurationError(`${spec.provider} configuration: expected an object`, {
        provider: spec.provider,
      });
    }
    // Register before validating, so even a failed config cannot leak its key into a log.
    registerSecretFields(input, secrets);
    const result = spec.schema.safeParse(input);
    if (!result.success) {
      throw configurationError(result.error.issues, input, {
        provider: spec.provider,
        env,
        secrets,
        sources,
      });
    }
    registerSecretFields(result.data, secrets); // transforms may have produced new values
    return result.data;
  };

  return {
    provider: spec.provider,
    schema: spec.schema,
    environmentVariables,
    parse: (input) => validate(input),
    fromEnvironment(options = {}) {
      const { overrides, ...readOptions } = options;
      const vars = readEnvironment({ names: environmentVariables, ...readOptions });
      const values: Record<string, unknown> = {};
      const sources: Record<string, string> = {};
      for (const [field, names] of Object.entries(env)) {
        for (const name of names ?? []) {
          const value = vars[name]?.trim();
          if (value) {
            values[field] = value;
            sources[field] = name;
            break;
          }
        }
      }
      for (const [field, value] of Object.entries(overrides ?? {})) {
        if (value === undefined) continue;
        values[field] = value;
        delete sources[field];
      }
      return validate(values, sources);
    },
  };
}

function registerSecretFields(values: object, secrets: ReadonlySet<string>): void {
  for (const field of secrets) registerSecret((values as Record<string, unknown>)[field]);
}
