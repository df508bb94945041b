import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ResolvedBinary, resolveFfmpeg, resolveFfprobe } from '@video-gen/core/ffmpeg';
import { hasCredentials } from '../backend/has-credentials.js';
import { KNOWN_VARIABLES } from '../backend/known-variables.js';
import type { ProviderProbe } from '../backend/probe-providers.js';
import { RETIRED_PROVIDERS } from '../backend/retired-providers.js';
import { type ModelLifecycleReport, modelLifecycleReport } from './model-lifecycle-report.js';

/** What doctor found out about one provider. Never holds a variable's value, only whether it is set. */
export interface ProviderReport {
  readonly id: string;
  readonly installed: boolean;
  readonly packageName: string | null;
  /** `npm install …` for a provider that is not installed. */
  readonly install: string | null;
  /** Whether the plugin says its credentials are present; null when not installed or it cannot tell. */
  readonly credentials: boolean | null;
  readonly variables: readonly { name: string; set: boolean }[];
  /** Why it is unusable, when it is installed but broken. */
  readonly problem: string | null;
  /** Why its vendor no longer serves it, when it is retired (never picked without --backend). */
  readonly retired: string | null;
  /** Each model's lifecycle status (`ga`, `preview`, `deprecated`, `retired`); empty when not installed. */
  readonly models: readonly ModelLifecycleReport[];
}

/**
 * Reports a provider: installed or not, and for each of its environment variables only whether it
 * is set (doctor's output is pasted into bug reports: it must never contain a secret).
 */
export function providerReport(
  probe: ProviderProbe,
  env: Readonly<Record<string, string | undefined>>,
): ProviderReport {
  const declared = probe.installed ? probe.plugin.environmentVariables : undefined;
  const names = declared ?? KNOWN_VARIABLES[probe.id] ?? [];
  const variables = names.map((name) => ({ name, set: Boolean(env[name]) }));
  if (!probe.installed) {
    const missing = probe.reason === 'not installed';
    return {
      id: probe.id,
      installed: false,
      packageName: probe.packageName ?? null,
      install: probe.packageName && missing ? `npm install ${probe.packageName}` : null,
      credentials: null,
      variables,
      problem: missing ? null : probe.reason,
      retired: RETIRED_PROVIDERS[probe.id] ?? null,
      models: [],
    };
  }
  return {
    id: probe.id,
    installed: true,
    packageName: probe.plugin.packageName ?? null,
    install: null,
    credentials: hasCredentials(probe.plugin, env),
    variables,
    problem: null,
    retired: RETIRED_PROVIDERS[probe.id] ?? null,
    models: modelLifecycleReport(probe),
  };
}

/** A resolved ffmpeg or ffprobe, or why none was found. */
export interface BinaryReport {
  readonly tool: 'ffmpeg' | 'ffprobe';
  readonly found: boolean;
  readonly path: string | null;
  /** option, env (FFMPEG_PATH / FFPROBE_PATH), package (which) or PATH. */
  readonly source: string | null;
  /** The first line of `-version`. */
  readonly version: string | null;
  readonly problem: string | null;
}

function versionLine(binary: ResolvedBinary): string | null {
  const result = spawnSync(binary.path, ['-version'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? (result.stdout.split('\n')[0]?.trim() ?? null) : null;
}

/** Finds ffmpeg or ffprobe exactly as the local provider and stitching will, and asks its version. */
export function binaryReport(tool: 'ffmpeg' | 'ffprobe'): BinaryReport {
  try {
    const binary = tool === 'ffmpeg' ? resolveFfmpeg() : resolveFfprobe();
    const version = versionLine(binary);
    return {
      tool,
      found: true,
      path: binary.path,
      source: binary.source === 'package' ? `package ${binary.packageName}` : binary.source,
      version,
      problem: version ? null : `${binary.path} did not run (\`${tool} -version\` failed)`,
    };
  } catch (error) {
    return { tool, found: false, path: null, source: null, version: null, problem: (error as Error).message };
  }
}

/** Whether videos can be written to the output folder. */
export interface FolderReport {
  readonly path: string;
  readonly writable: boolean;
  readonly problem: string | null;
}

/**
 * Checks the output folder by writing (and removing) a small file there: permission bits alone can
 * mislead (read-only mounts, ACLs, Deno permissions). A folder that does not exist yet is fine
 * when its nearest existing parent is writable, because the output's folder is created on demand.
 */
export async function folderReport(target: string): Promise<FolderReport> {
  let folder = path.resolve(target);
  while (!existsSync(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  if (!statSync(folder).isDirectory()) {
    return { path: path.resolve(target), writable: false, problem: `${folder} is a file, not a folder` };
  }
  const probe = path.join(folder, `.video-gen-doctor-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(probe, '');
    await rm(probe, { force: true });
    return { path: path.resolve(target), writable: true, problem: null };
  } catch (error) {
    return { path: path.resolve(target), writable: false, problem: (error as Error).message };
  }
}
