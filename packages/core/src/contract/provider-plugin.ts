import type { ProviderConfigSource } from './provider-config-source.js';
import type { VideoProvider } from './video-provider.js';

/**
 * What a provider package exports as `plugin`, for the registry.
 *
 * @example
 * ```ts
 * export const plugin: ProviderPlugin<AcmeConfig> = {
 *   id: 'acme',
 *   packageName: 'acme-video-gen',
 *   create: (config) => createAcme(config),
 *   hasCredentials: (env) => Boolean(env.ACME_API_KEY),
 * };
 * registerProvider(plugin);
 * ```
 */
export interface ProviderPlugin<TConfig = unknown> {
  /** The registry id. */
  readonly id: string;
  /** The npm package that provides it. */
  readonly packageName?: string;
  /** A short description for listings. */
  readonly description?: string;
  /** Creates the provider; with no config, from the environment. */
  create(config?: TConfig): VideoProvider;
  /** Whether credentials for this provider are present in `env` (never reads their values out). */
  hasCredentials?(env: Readonly<Record<string, string | undefined>>): boolean;
  /** The environment variables the provider reads, for diagnostics. */
  readonly environmentVariables?: readonly string[];
  /** The provider's config definition, returned by `createConfigForBackend(id)`. */
  readonly config?: ProviderConfigSource<TConfig>;
}
