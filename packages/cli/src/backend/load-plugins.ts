import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ProviderPlugin, registerProvider } from '@video-gen/core';
import { UsageError } from '../usage-error.js';

// A module given as a path is loaded from the working directory; a package name is resolved from
// there too, because that is where the user installed it (not beside the CLI).
function specifierToUrl(specifier: string, cwd: string): string {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    return pathToFileURL(path.resolve(cwd, specifier)).href;
  }
  return pathToFileURL(createRequire(path.join(cwd, 'noop.js')).resolve(specifier)).href;
}

/**
 * Imports each `--plugin` module (an npm package or a file) and registers its exported `plugin`,
 * so `--backend <its id>` works for third-party providers.
 *
 * @example
 * ```ts
 * await loadPlugins(['acme-video-gen'], process.cwd()); // then --backend acme
 * ```
 */
export async function loadPlugins(specifiers: readonly string[] | undefined, cwd: string): Promise<string[]> {
  const ids: string[] = [];
  for (const specifier of specifiers ?? []) {
    let loaded: { plugin?: ProviderPlugin<unknown>; default?: { plugin?: ProviderPlugin<unknown> } };
    try {
      loaded = (await import(specifierToUrl(specifier, cwd))) as typeof loaded;
    } catch (error) {
      throw new UsageError(
        `Cannot load the plugin "${specifier}": ${(error as Error).message}. Install it in this folder (npm install ${specifier}) or pass a path to its module.`,
      );
    }
    const plugin = loaded.plugin ?? loaded.default?.plugin;
    if (!plugin || typeof plugin.id !== 'string' || typeof plugin.create !== 'function') {
      throw new UsageError(
        `"${specifier}" does not export a video-gen provider plugin (an object \`plugin\` with an id and create()).`,
      );
    }
    registerProvider(plugin);
    ids.push(plugin.id);
  }
  return ids;
}

/** The `--plugin` arguments again, absolute, for a command printed to run later (a resume). */
export function pluginArgs(specifiers: readonly string[] | undefined, cwd = process.cwd()): string[] {
  return (specifiers ?? []).flatMap((specifier) => [
    '--plugin',
    specifier.startsWith('.') ? path.resolve(cwd, specifier) : specifier,
  ]);
}
