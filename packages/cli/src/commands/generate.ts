import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  type GenerateVideoOptions,
  type GenerationWarning,
  generateVideo,
  journalPathFor,
  readEnvironment,
} from '@video-gen/core';
import { chooseBackend } from '../backend/choose-backend.js';
import { loadPlugins, pluginArgs } from '../backend/load-plugins.js';
import { expandImages } from '../options/expand-images.js';
import type { GenerateFlags } from '../options/generate-flags.js';
import { planLoop } from '../options/loop.js';
import { settingsFromFlags } from '../options/settings-from-flags.js';
import { videoFromFlags } from '../options/video-flag.js';
import { cliCommand } from '../output/cli-command.js';
import { outputFormatFor, printResult } from '../output/print-result.js';
import { reportError } from '../output/report-error.js';
import { withProgress } from '../run/with-progress.js';
import { UsageError } from '../usage-error.js';
import { dryRun } from './dry-run.js';

/** The request and the notices about how its backend was chosen: shared by generate and dry run. */
export interface PreparedRequest {
  readonly options: GenerateVideoOptions;
  readonly notices: readonly string[];
  /** Warnings of the CLI's own (such as `--loop` on a provider that cannot loop), for the JSON result. */
  readonly warnings: readonly GenerationWarning[];
}

/**
 * Builds the core request from the prompt and flags: loads `--plugin`s, expands image globs, takes
 * the input video (`--video`, `--video-use`), picks the backend (explaining an automatic choice)
 * and checks the size flags.
 */
export async function prepareRequest(
  prompt: string | undefined,
  flags: GenerateFlags,
): Promise<PreparedRequest> {
  if (prompt === undefined || prompt.trim() === '') {
    throw new UsageError(
      `Give a prompt: ${cliCommand('a red kite over the sea')}. For several clips use --stitch -p "clip 1" "clip 2"; for every option, ${cliCommand('--help')}.`,
    );
  }
  const cwd = process.cwd();
  await loadPlugins(flags.plugin, cwd);
  const settings = settingsFromFlags(flags);
  const images = await expandImages(flags.images, cwd);
  const video = videoFromFlags(flags, cwd);
  const chosen = await chooseBackend(flags.backend ?? flags.provider, readEnvironment());
  const { id } = chosen;
  const notices = [...chosen.notices];
  const warnings: GenerationWarning[] = [];
  let providerOptions = flags.providerOption;
  if (flags.loop === true) {
    const loop = await planLoop(id, flags.model, providerOptions);
    if (loop.providerOptions) providerOptions = loop.providerOptions;
    if (loop.warning) {
      warnings.push(loop.warning);
      notices.push(`warning: ${loop.warning.message}`);
    }
  }
  const options: GenerateVideoOptions = {
    prompt,
    provider: id,
    ...settings,
    ...(images.length > 0 ? { images } : {}),
    ...video,
    ...(providerOptions ? { providerOptions: { [id]: providerOptions } } : {}),
    ...(flags.output !== undefined ? { outPath: path.resolve(cwd, flags.output) } : {}),
    overwrite: flags.force === true,
    ...(flags.timeout !== undefined ? { timeoutMs: Math.round(flags.timeout * 1000) } : {}),
  };
  return { options, notices, warnings };
}

/**
 * `video-gen "prompt" [flags]`: generates one video (or, with `--dry-run`, only checks the request)
 * and prints where it is. Returns the exit code.
 */
export async function generateCommand(prompt: string | undefined, flags: GenerateFlags): Promise<number> {
  const format = outputFormatFor(flags);
  let outPath: string | undefined;
  try {
    const { options, notices, warnings } = await prepareRequest(prompt, flags);
    outPath = options.outPath;
    if (flags.dryRun) return await dryRun(options, notices, format, warnings);
    const result = await withProgress(
      format,
      ({ signal, onProgress }) => generateVideo({ ...options, signal, onProgress }),
      notices,
    );
    // People saw the CLI's own warnings before the job started; scripts get them in the result.
    printResult(
      format === 'human' ? result : { ...result, warnings: [...warnings, ...result.warnings] },
      format,
    );
    return 0;
  } catch (error) {
    // A journal on disk means a job may be in flight: always say how to pick it up again.
    const journal = outPath ? journalPathFor(outPath) : undefined;
    return reportError(error, {
      json: format !== 'human',
      journalPath: journal && existsSync(journal) ? journal : undefined,
      resumeArgs: pluginArgs(flags.plugin),
    });
  }
}
