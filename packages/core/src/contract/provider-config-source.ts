import type { ReadEnvironmentOptions } from '../config/read-environment.js';

/**
 * What a provider plugin declares about its configuration, so `createConfigForBackend(id)` can
 * hand it out: a `defineProviderConfig()` result fits as it is.
 *
 * @example
 * ```ts
 * const source: ProviderConfigSource<SoraConfig> = SoraConfig;
 * const config = source.fromEnvironment({ overrides: { pollIntervalMs: 2000 } });
 * ```
 */
export interface ProviderConfigSource<TConfig = unknown> {
  /** The provider id. */
  readonly provider: string;
  /** Every environment variable the config reads. */
  readonly environmentVariables: readonly string[];
  /** Validates explicit settings; throws a `ConfigurationError` naming each bad field. */
  parse(input: unknown): TConfig;
  /** Reads the environment (and `.env`), applies `overrides`, then validates. */
  fromEnvironment(options?: ReadEnvironmentOptions & { overrides?: Record<string, unknown> }): TConfig;
}
