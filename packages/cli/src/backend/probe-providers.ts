import {
  firstPartyProviders,
  listProviderIds,
  ProviderNotFoundError,
  type ProviderPlugin,
  resolveProviderPlugin,
} from '@video-gen/core';

/** What the CLI found out about one provider id. */
export type ProviderProbe =
  | { readonly id: string; readonly installed: true; readonly plugin: ProviderPlugin<unknown> }
  | {
      readonly id: string;
      readonly installed: false;
      /** The npm package that provides it, for a first-party id. */
      readonly packageName: string | undefined;
      /** Why it is not usable, for people: "not installed", or the loader's message. */
      readonly reason: string;
    };

/**
 * Every provider id the registry knows (registered plugins first, then the first-party ids),
 * without duplicates.
 */
export function knownProviderIds(): string[] {
  const { registered, firstParty } = listProviderIds();
  return [...new Set([...firstParty, ...registered])];
}

/**
 * Loads a provider's plugin if its package is installed. Never throws for a missing package:
 * listing commands report it instead, with the install command.
 *
 * @example
 * ```ts
 * const probe = await probeProvider('veo3');
 * if (!probe.installed) console.log(`npm install ${probe.packageName}`);
 * ```
 */
export async function probeProvider(id: string): Promise<ProviderProbe> {
  try {
    return { id, installed: true, plugin: await resolveProviderPlugin(id) };
  } catch (error) {
    // A broken package (half-built, wrong exports) must not take every listing down with it.
    if (!ProviderNotFoundError.isInstance(error)) {
      return {
        id,
        installed: false,
        packageName: firstPartyProviders[id],
        reason: `cannot load: ${String(error)}`,
      };
    }
    const packageName = error.packageName ?? firstPartyProviders[id];
    const missing = packageName !== undefined && error.message.includes('not installed');
    return { id, installed: false, packageName, reason: missing ? 'not installed' : error.message };
  }
}

/** {@link probeProvider} for several ids, in order. */
export async function probeProviders(ids: readonly string[]): Promise<ProviderProbe[]> {
  return Promise.all(ids.map((id) => probeProvider(id)));
}
