import { DEFAULT_PROVIDER_ID, firstPartyProviders } from '@video-gen/core';
import { backendId } from './backend-aliases.js';
import { hasCredentials } from './has-credentials.js';
import { KNOWN_KEY_VARIABLES } from './known-variables.js';
import { probeProvider } from './probe-providers.js';

/** The backend a command will use, and what to tell the user about the choice. */
export interface BackendChoice {
  readonly id: string;
  /** Lines for stderr explaining an automatic choice; empty when `--backend` was given. */
  readonly notices: readonly string[];
}

/**
 * Picks the backend: the `--backend` value when given; otherwise the first installed first-party
 * vendor provider whose credentials are configured (in `firstPartyProviders` order: sora2,
 * azure-sora, veo3, runway), and `local` when there is none. An automatic choice is always
 * explained, so a paid call never happens by surprise.
 *
 * @example
 * ```ts
 * const { id, notices } = await chooseBackend(undefined, readEnvironment());
 * ```
 */
export async function chooseBackend(
  requested: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<BackendChoice> {
  if (requested !== undefined) return { id: backendId(requested), notices: [] };
  const notices: string[] = [];
  for (const [id, packageName] of Object.entries(firstPartyProviders)) {
    if (id === DEFAULT_PROVIDER_ID) continue;
    const probe = await probeProvider(id);
    if (probe.installed) {
      if (hasCredentials(probe.plugin, env)) {
        return {
          id,
          notices: [`Using ${id}: its credentials are configured. Choose another provider with --backend.`],
        };
      }
      continue;
    }
    const setKey = (KNOWN_KEY_VARIABLES[id] ?? []).find((name) => Boolean(env[name]));
    if (setKey) {
      notices.push(`${setKey} is set, but ${packageName} is not installed (npm install ${packageName}).`);
    }
  }
  notices.push(
    `No vendor credentials found; using the offline local provider. Choose one with --backend (see video-gen doctor).`,
  );
  return { id: DEFAULT_PROVIDER_ID, notices };
}
