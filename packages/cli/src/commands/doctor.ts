import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PROVIDER_ID, readEnvironment } from '@video-gen/core';
import { DEFAULT_BACKEND_RULE, findCredentials, sightingNotice } from '../backend/choose-backend.js';
import { loadPlugins } from '../backend/load-plugins.js';
import { knownProviderIds, probeProviders } from '../backend/probe-providers.js';
import { ExitCode } from '../exit-codes.js';
import { writeJsonLine } from '../output/json-output.js';
import { reportError } from '../output/report-error.js';
import { detectRuntime } from '../runtime/runtime-info.js';
import { CLI_VERSION } from '../version.js';
import {
  type BinaryReport,
  binaryReport,
  type FolderReport,
  folderReport,
  type ProviderReport,
  providerReport,
} from './doctor-checks.js';
import { veo3CredentialLine, veo3CredentialReport } from './doctor-veo3-credential.js';

/** The flags of `video-gen doctor`. */
export interface DoctorFlags {
  readonly output?: string | undefined;
  readonly json?: boolean | undefined;
  readonly plugin?: string[] | undefined;
}

function providerLines(report: ProviderReport): string[] {
  const state = report.installed
    ? `installed${report.packageName ? ` (${report.packageName})` : ''}`
    : report.install
      ? `not installed: ${report.install}`
      : `unavailable: ${report.problem}`;
  const credentials =
    report.credentials === null ? '' : report.credentials ? '  credentials: found' : '  credentials: missing';
  const retired = report.retired ? `  RETIRED: ${report.retired}` : '';
  const lines = [`  ${report.id.padEnd(11)} ${state}${credentials}${retired}`];
  for (const variable of report.variables) {
    lines.push(`  ${''.padEnd(11)}   ${variable.name}: ${variable.set ? 'set' : 'not set'}`);
  }
  // GA models are the rule; only the others are worth a line.
  for (const model of report.models.filter((entry) => entry.status !== 'ga')) {
    lines.push(`  ${''.padEnd(11)}   model ${model.id}: ${model.lifecycle}`);
  }
  return lines;
}

function binaryLine(report: BinaryReport): string {
  if (!report.found) return `${report.tool.padEnd(8)} NOT FOUND: ${report.problem}`;
  const version = report.version ?? `(${report.problem})`;
  return `${report.tool.padEnd(8)} ${report.path}  [${report.source}]\n${''.padEnd(9)}${version}`;
}

function folderLine(report: FolderReport): string {
  return `output   ${report.path}: ${report.writable ? 'writable' : `NOT writable (${report.problem})`}`;
}

/** The folder videos go to: `-o`'s folder (or `-o` itself when it is a folder), else the working directory. */
function outputFolder(output: string | undefined): string {
  if (output === undefined) return process.cwd();
  const resolved = path.resolve(output);
  return existsSync(resolved) && statSync(resolved).isDirectory() ? resolved : path.dirname(resolved);
}

/**
 * `video-gen doctor [-o path] [--json]`: the runtime, each provider (installed or the package to
 * add), whether each provider's environment variables are set (never their values), which ffmpeg
 * and ffprobe are used and their versions, and whether the output folder is writable. Exits 3
 * when something needed for the local provider is missing (ffmpeg, a writable folder).
 */
export async function doctorCommand(flags: DoctorFlags): Promise<number> {
  try {
    await loadPlugins(flags.plugin, process.cwd());
    const env = readEnvironment();
    const runtime = detectRuntime();
    const providers = (await probeProviders(knownProviderIds())).map((probe) => providerReport(probe, env));
    const ffmpeg = binaryReport('ffmpeg');
    const ffprobe = binaryReport('ffprobe');
    const folder = await folderReport(outputFolder(flags.output));
    const sightings = await findCredentials(env);
    const veo3Credential = await veo3CredentialReport(env);
    const defaultBackend = { id: DEFAULT_PROVIDER_ID, rule: DEFAULT_BACKEND_RULE, sightings };
    const ok = ffmpeg.found && ffmpeg.version !== null && folder.writable;
    if (flags.json) {
      writeJsonLine({
        ok,
        cli: CLI_VERSION,
        runtime,
        defaultBackend,
        providers,
        veo3Credential,
        ffmpeg,
        ffprobe,
        output: folder,
      });
    } else {
      const lines = [
        `video-gen ${CLI_VERSION} on ${runtime.name} ${runtime.version} (${process.platform}-${process.arch})`,
        '',
        'providers',
        ...providers.flatMap(providerLines),
        ...(veo3Credential ? ['', veo3CredentialLine(veo3Credential)] : []),
        '',
        `default  ${DEFAULT_PROVIDER_ID} (when no --backend is given)`,
        `         ${DEFAULT_BACKEND_RULE}`,
        ...sightings.map((sighting) => `         ${sightingNotice(sighting)}`),
        '',
        binaryLine(ffmpeg),
        binaryLine(ffprobe),
        folderLine(folder),
        '',
        ok ? 'ok: the local provider can render here.' : 'problems found: see above.',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return ok ? ExitCode.Success : ExitCode.Configuration;
  } catch (error) {
    return reportError(error, { json: flags.json === true });
  }
}
