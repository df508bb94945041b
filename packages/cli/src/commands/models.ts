import { defaultModel, type ModelInfo, modelStatus, ProviderNotFoundError } from '@video-gen/core';
import { backendId } from '../backend/backend-aliases.js';
import { loadPlugins } from '../backend/load-plugins.js';
import { knownProviderIds, probeProviders } from '../backend/probe-providers.js';
import { formatModel } from '../output/format-model.js';
import { writeJsonLine } from '../output/json-output.js';
import { reportError } from '../output/report-error.js';

/** The flags of `video-gen models`. */
export interface ModelsFlags {
  readonly backend?: string | undefined;
  readonly json?: boolean | undefined;
  readonly plugin?: string[] | undefined;
}

type Listing =
  | {
      id: string;
      installed: true;
      packageName: string | null;
      description: string | null;
      models: readonly ModelInfo[];
    }
  | { id: string; installed: true; packageName: string | null; error: string }
  | { id: string; installed: false; packageName: string | null; install: string | null; reason: string };

async function listProviders(ids: readonly string[]): Promise<Listing[]> {
  const probes = await probeProviders(ids);
  return probes.map((probe): Listing => {
    if (!probe.installed) {
      return {
        id: probe.id,
        installed: false,
        packageName: probe.packageName ?? null,
        install: probe.packageName ? `npm install ${probe.packageName}` : null,
        reason: probe.reason,
      };
    }
    const packageName = probe.plugin.packageName ?? null;
    try {
      // Creating a provider reads no key (keys are read lazily), so this works without credentials.
      const provider = probe.plugin.create();
      return {
        id: probe.id,
        installed: true,
        packageName,
        description: probe.plugin.description ?? null,
        // Each model carries its status today (a `retiresOn` day that has come reads `retired`).
        models: provider.models.map((model) => ({ ...model, status: modelStatus(model) })),
      };
    } catch (error) {
      return { id: probe.id, installed: true, packageName, error: (error as Error).message };
    }
  });
}

function printListing(listings: readonly Listing[]): void {
  const out: string[] = [];
  const missing: string[] = [];
  for (const listing of listings) {
    if (!listing.installed) {
      missing.push(
        listing.install
          ? `  ${listing.id.padEnd(11)} ${listing.install}`
          : `  ${listing.id.padEnd(11)} ${listing.reason}`,
      );
      continue;
    }
    const header = [listing.id, listing.packageName ? `(${listing.packageName})` : '']
      .filter(Boolean)
      .join(' ');
    if ('error' in listing) {
      out.push(`${header}: installed, but it could not be created: ${listing.error}`, '');
      continue;
    }
    out.push(`${header}${listing.description ? ` — ${listing.description}` : ''}`);
    const chosen = defaultModel(listing.models);
    for (const model of listing.models) out.push(...formatModel(model, model.id === chosen?.id));
    out.push('');
  }
  if (missing.length > 0) out.push('Not installed (install the package to use it):', ...missing);
  process.stdout.write(`${out.join('\n').trimEnd()}\n`);
}

/**
 * `video-gen models [--backend id] [--json]` (also `--list-models [id]`): each installed
 * provider's models with durations, sizes, fps, frame and reference-image capabilities, audio;
 * and the providers that are not installed, with the package to add.
 */
export async function modelsCommand(flags: ModelsFlags): Promise<number> {
  try {
    await loadPlugins(flags.plugin, process.cwd());
    const ids = flags.backend ? [backendId(flags.backend)] : knownProviderIds();
    const listings = await listProviders(ids);
    const [only] = listings;
    if (flags.backend && only && !only.installed) {
      // Asking for one provider that is not there is a configuration problem, not an empty list.
      throw new ProviderNotFoundError(
        only.install
          ? `The provider "${only.id}" needs the package ${only.packageName}, which is not installed.`
          : only.reason,
        { provider: only.id, ...(only.packageName ? { packageName: only.packageName } : {}) },
      );
    }
    if (flags.json) writeJsonLine({ providers: listings });
    else printListing(listings);
    return 0;
  } catch (error) {
    return reportError(error, { json: flags.json === true });
  }
}
