import type { ProviderConfigSource } from '../contract/provider-config-source.js';
import type { ProviderPlugin } from '../contract/provider-plugin.js';
import { type ModuleImporter, resolveProviderPlugin } from '../registry/provider-registry.js';
import type { VideoBackend } from './video-backend.js';

/**
 * The config definition of a backend, from the registry: a registered plugin (first or third
 * party), or a first-party package imported by name on first use. Call `fromEnvironment()` on the
 * result to read the environment and `.env`, or `parse()` to validate explicit settings. Python
 * parity for `create_config_for_backend(backend)`.
 *
 * A plugin that declares no `config` gets a pass-through one: `fromEnvironment()` returns the
 * overrides (or `{}`), and the plugin's `create()` reads the environment itself.
 *
 * Throws a `ProviderNotFoundError` for an unknown id, or for a first-party id whose package is not
 * installed (the message names the package to install).
 *
 * @example
 * ```ts
 * const config = (await createConfigForBackend('veo3')).fromEnvironment();
 * const provider = await getProvider('veo3', config);
 * ```
 */
export function createConfigForBackend<TConfig = unknown>(
  backend: VideoBackend | (string & {}),
): Promise<ProviderConfigSource<TConfig>> {
  return configForBackend<TConfig>(backend);
}

/** {@link createConfigForBackend} with the registry's import seams, for tests (internal). */
export async function configForBackend<TConfig>(
  backend: string,
  importer?: ModuleImporter,
  locate?: (specifier: string) => string | undefined,
): Promise<ProviderConfigSource<TConfig>> {
  const plugin = (await resolveProviderPlugin(backend, importer, locate)) as ProviderPlugin<TConfig>;
  return plugin.config ?? passThroughConfig<TConfig>(plugin);
}

function passThroughConfig<TConfig>(plugin: ProviderPlugin<TConfig>): ProviderConfigSource<TConfig> {
  return {
    provider: plugin.id,
    environmentVariables: plugin.environmentVariables ?? [],
    parse: (input) => (input ?? {}) as TConfig,
    fromEnvironment: (options = {}) => {
      const values: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(options.overrides ?? {})) {
        if (value !== undefined) values[field] = value;
      }
      return values as TConfig;
    },
  };
}
