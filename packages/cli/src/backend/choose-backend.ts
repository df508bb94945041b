import { DEFAULT_PROVIDER_ID, firstPartyProviders } from '@video-gen/core';
import { cliCommand } from '../output/cli-command.js';
import { backendId } from './backend-aliases.js';
import { KNOWN_KEY_VARIABLES } from './known-variables.js';
import { probeProvider } from './probe-providers.js';
import { RETIRED_PROVIDERS } from './retired-providers.js';

/** Vendor credentials seen in the environment (or `.env`) for one provider: names only, never values. */
export interface CredentialSighting {
  readonly provider: string;
  /** The variables that are set. */
  readonly variables: readonly string[];
  /** Why the provider cannot be used any more, when its vendor retired it. */
  readonly retired: string | null;
  /** Its npm package, when that is not installed. */
  readonly missingPackage: string | null;
}

/** The backend a command will use, and what to tell the user about the choice. */
export interface BackendChoice {
  readonly id: string;
  /** Lines for stderr explaining an automatic choice; empty when `--backend` was given. */
  readonly notices: readonly string[];
  /** The vendor credentials seen; empty when `--backend` was given. */
  readonly sightings: readonly CredentialSighting[];
}

/** The rule, in one sentence, for notices, doctor and the docs. */
export const DEFAULT_BACKEND_RULE =
  'Without --backend, video-gen uses the offline local provider: it never turns a command into a paid call unless you name the provider.';

/**
 * Which first-party vendors have credentials in `env`, whether each is installed and whether it
 * is retired. Only the packages of vendors with credentials are loaded.
 *
 * @example
 * ```ts
 * await findCredentials({ RUNWAYML_API_SECRET: 'key_…' }); // [{ provider: 'runway', variables: ['RUNWAYML_API_SECRET'], … }]
 * ```
 */
export async function findCredentials(
  env: Readonly<Record<string, string | undefined>>,
): Promise<CredentialSighting[]> {
  const sightings: CredentialSighting[] = [];
  for (const [id, packageName] of Object.entries(firstPartyProviders)) {
    if (id === DEFAULT_PROVIDER_ID) continue;
    const variables = (KNOWN_KEY_VARIABLES[id] ?? []).filter((name) => Boolean(env[name]?.trim()));
    if (variables.length === 0) continue;
    const installed = (await probeProvider(id)).installed;
    sightings.push({
      provider: id,
      variables,
      retired: RETIRED_PROVIDERS[id] ?? null,
      missingPackage: installed ? null : packageName,
    });
  }
  return sightings;
}

/** One line for stderr about credentials that were seen and not used. */
export function sightingNotice(sighting: CredentialSighting): string {
  const found = `found ${sighting.variables.join(', ')}`;
  if (sighting.retired) {
    return `${found}, but ${sighting.provider} is retired (${sighting.retired}); it is never picked automatically.`;
  }
  if (sighting.missingPackage) {
    return `${found}; to use ${sighting.provider}, npm install ${sighting.missingPackage} and pass --backend ${sighting.provider}.`;
  }
  return `${found}; pass --backend ${sighting.provider} to use it.`;
}

/**
 * Picks the backend: the `--backend` value when given, otherwise always `local`. Vendor
 * credentials in the environment never select a paid provider by themselves (a key set for
 * another tool must not turn an offline command into a paid call); the notices name each one
 * seen and the `--backend` that would use it.
 *
 * @example
 * ```ts
 * const { id, notices } = await chooseBackend(undefined, readEnvironment()); // id: 'local'
 * ```
 */
export async function chooseBackend(
  requested: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<BackendChoice> {
  if (requested !== undefined) return { id: backendId(requested), notices: [], sightings: [] };
  const sightings = await findCredentials(env);
  const notices =
    sightings.length === 0
      ? [
          `No --backend given: using the offline local provider. Choose a vendor with --backend (see ${cliCommand('doctor')}).`,
        ]
      : [
          'No --backend given: using the offline local provider (vendor credentials never choose a paid provider by themselves).',
          ...sightings.map(sightingNotice),
        ];
  return { id: DEFAULT_PROVIDER_ID, notices, sightings };
}
