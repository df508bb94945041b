import type { ProviderPlugin } from '@video-gen/core';

/**
 * Whether a plugin says its credentials are present: `true`, `false`, or `null` when it cannot
 * tell (no `hasCredentials`). A check that throws counts as `false`: neither the default backend
 * nor doctor may crash on one broken plugin.
 *
 * @example
 * ```ts
 * hasCredentials(plugin, readEnvironment()); // true when its API key is set
 * ```
 */
export function hasCredentials(
  plugin: ProviderPlugin<unknown>,
  env: Readonly<Record<string, string | undefined>>,
): boolean | null {
  if (!plugin.hasCredentials) return null;
  try {
    return plugin.hasCredentials(env) === true;
  } catch {
    return false;
  }
}
