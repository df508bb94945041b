import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProviderPlugin } from '../contract/provider-plugin.js';
import type { VideoProvider } from '../contract/video-provider.js';
import { ProviderNotFoundError, packageLoadError } from '../errors/provider-not-found-error.js';
import { firstPartyPackage, firstPartyProviders } from './first-party-providers.js';

// Kept on globalThis so that two copies of core (a CJS and an ESM one, say) share one registry.
const REGISTRY = Symbol.for('video-gen.provider-registry');
type Registry = Map<string, ProviderPlugin<never>>;

function registry(): Registry {
  const holder = globalThis as { [REGISTRY]?: Registry };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/**
 * Adds a provider plugin to the registry, so `generateVideo({ provider: plugin.id })` finds it.
 * Registering an id again replaces the earlier plugin.
 *
 * @example
 * ```ts
 * import { plugin } from 'acme-video-gen';
 * registerProvider(plugin);
 * await generateVideo({ provider: 'acme', prompt: 'waves' });
 * ```
 */
export function registerProvider<TConfig>(plugin: ProviderPlugin<TConfig>): void {
  if (!plugin || typeof plugin.id !== 'string' || typeof plugin.create !== 'function') {
    throw new TypeError(
      'registerProvider expects a plugin object with an `id` and a `create(config)` function.',
    );
  }
  registry().set(plugin.id, plugin as ProviderPlugin<never>);
}

/** Removes a provider plugin from the registry. Returns whether one was registered. */
export function unregisterProvider(id: string): boolean {
  return registry().delete(id);
}

/** The ids of the registered providers, and of the first-party ones that can be imported on use. */
export function listProviderIds(): { registered: string[]; firstParty: string[] } {
  return { registered: [...registry().keys()], firstParty: Object.keys(firstPartyProviders) };
}

/** A registered plugin, or undefined. Does not import anything. */
export function getRegisteredPlugin(id: string): ProviderPlugin<unknown> | undefined {
  return registry().get(id) as ProviderPlugin<unknown> | undefined;
}

/** Imports a module by name; a seam so tests can stand in for a missing package. */
export type ModuleImporter = (specifier: string) => Promise<unknown>;

// Import beside core first, then from the application's folder, for installs that do not hoist
// packages where core can see them (pnpm, say).
const importModule: ModuleImporter = async (specifier) => {
  try {
    return await import(specifier);
  } catch (error) {
    let resolved: string;
    try {
      resolved = createRequire(path.join(process.cwd(), 'noop.js')).resolve(specifier);
    } catch {
      throw error;
    }
    return import(pathToFileURL(resolved).href);
  }
};

/** Where `specifier` resolves from the application's folder, or undefined. */
function resolveFromCwd(specifier: string): string | undefined {
  try {
    return createRequire(path.join(process.cwd(), 'noop.js')).resolve(specifier);
  } catch {
    return undefined;
  }
}

/**
 * Finds the plugin for `id`: a registered one, or for a first-party id, the package imported by
 * name (and registered). Throws a {@link ProviderNotFoundError} that names the package to install
 * or, when it is installed but cannot be imported by name (a bundled app), the bundler-safe form
 * `registerProvider(plugin)`. `importer` and `locate` (where a package resolves) are test seams.
 */
export async function resolveProviderPlugin(
  id: string,
  importer: ModuleImporter = importModule,
  locate: (specifier: string) => string | undefined = resolveFromCwd,
): Promise<ProviderPlugin<unknown>> {
  // A non-string id (a value from an untyped caller) is not looked up at all.
  const registered = typeof id === 'string' ? getRegisteredPlugin(id) : undefined;
  if (registered) return registered;
  const packageName = typeof id === 'string' ? firstPartyPackage(id) : undefined;
  if (!packageName) {
    const known = [...new Set([...registry().keys(), ...Object.keys(firstPartyProviders)])].join(', ');
    const shown = typeof id === 'string' ? JSON.stringify(id) : `of type ${typeof id}`;
    throw new ProviderNotFoundError(
      `Unknown provider ${shown}. Known providers: ${known}. A third-party provider must be added with registerProvider(plugin) first.`,
      typeof id === 'string' ? { provider: id } : {},
    );
  }
  let loaded: unknown;
  try {
    loaded = await importer(packageName);
  } catch (error) {
    throw packageLoadError({ id, packageName, resolvedPath: locate(packageName), cause: error });
  }
  const plugin = (loaded as { plugin?: ProviderPlugin<unknown> }).plugin;
  if (!plugin || plugin.id !== id) {
    throw new ProviderNotFoundError(`The package ${packageName} does not export a plugin for "${id}".`, {
      provider: id,
      packageName,
    });
  }
  registerProvider(plugin);
  return plugin;
}

/**
 * Creates a provider by id (with its config, or from the environment when none is given),
 * importing a first-party package on first use.
 *
 * @example
 * ```ts
 * const local = await getProvider('local');
 * ```
 */
export async function getProvider(id: string, config?: unknown): Promise<VideoProvider> {
  const plugin = await resolveProviderPlugin(id);
  return plugin.create(config);
}
