import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  CancelledError,
  checkVideoRequest,
  defaultModel,
  getProvider,
  JobTimeoutError,
  type ModelInfo,
  readEnvironment,
  ValidationError,
  type VideoProvider,
} from '@video-gen/core';
import type { GenerateSequenceResult, SequenceProgressEvent } from '@video-gen/stitching';
import { chooseBackend } from '../backend/choose-backend.js';
import { loadPlugins } from '../backend/load-plugins.js';
import { expandImages } from '../options/expand-images.js';
import type { GenerateFlags } from '../options/generate-flags.js';
import { settingsFromFlags } from '../options/settings-from-flags.js';
import { cliCommand } from '../output/cli-command.js';
import { writeJsonLine } from '../output/json-output.js';
import { type OutputFormat, outputFormatFor, printWarnings } from '../output/print-result.js';
import type { ProgressReporter } from '../output/progress-display.js';
import { reportError } from '../output/report-error.js';
import { withProgress } from '../run/with-progress.js';
import { readClipPrompts } from '../stitch/clip-prompts.js';
import { describeDistribution, groupImages, type ImageDistribution } from '../stitch/group-images.js';
import { UsageError } from '../usage-error.js';
import { DEFAULT_SEQUENCE_DIR } from './sequence-dir.js';

export { DEFAULT_SEQUENCE_DIR };

/** The clips' folder: `--out-dir`, else `<concat file without extension>.clips`, else the fixed default. */
function sequenceDir(outDir: string | undefined, concat: string | undefined): string {
  if (outDir !== undefined) return outDir;
  if (concat !== undefined) return `${concat.slice(0, concat.length - path.extname(concat).length)}.clips`;
  return DEFAULT_SEQUENCE_DIR;
}

function findModel(provider: VideoProvider, id: string | undefined): ModelInfo | undefined {
  if (id === undefined) return defaultModel(provider.models);
  return provider.models.find((model) => model.id === id || model.aliases?.includes(id));
}

/** The same command line again with `--resume`: how an interrupted sequence continues. */
function rerunWithResume(): string {
  const args = process.argv.slice(2);
  return cliCommand(...args, ...(args.includes('--resume') ? [] : ['--resume']));
}

const PHASE_TEXT: Partial<Record<SequenceProgressEvent['phase'], string>> = {
  reused: 'already done, kept',
  'extracting-frame': 'last frame extracted for the next clip',
  waiting: 'waiting before this clip (--delay)',
  concatenating: 'joining the clips',
};

function sequenceProgress(reporter: ProgressReporter, format: OutputFormat) {
  return (event: SequenceProgressEvent) => {
    const label = event.clip !== undefined ? `clip ${event.clip}/${event.clips}` : undefined;
    if (event.phase === 'generating' && event.generation) {
      reporter.onProgress(event.generation, label);
      return;
    }
    if (format === 'events') {
      const { generation: _generation, ...rest } = event;
      writeJsonLine({ type: 'sequence', ...rest });
      return;
    }
    const text = PHASE_TEXT[event.phase];
    if (text) reporter.note(label ? `${label}: ${text}` : text);
  };
}

async function dryRunSequence(
  provider: VideoProvider,
  clips: readonly { prompt: string }[],
  distribution: ImageDistribution,
  flags: GenerateFlags,
  format: OutputFormat,
): Promise<number> {
  const settings = settingsFromFlags(flags);
  const checked = [];
  for (const [position, clip] of clips.entries()) {
    const images = distribution.perClip[position] ?? [];
    // Later clips start from the previous clip's last frame, so their own images are references.
    checked.push(
      await checkVideoRequest({
        ...settings,
        provider,
        ...(flags.providerOption ? { providerOptions: { [provider.id]: flags.providerOption } } : {}),
        prompt: clip.prompt,
        ...(position === 0 ? { images } : { referenceImages: images }),
      }),
    );
  }
  if (format !== 'human') {
    writeJsonLine({ dryRun: true, images: distribution.perClip, clips: checked });
    return 0;
  }
  const lines = ['Dry run: every clip is valid. Nothing was submitted and no file was written.'];
  for (const [position, clip] of checked.entries()) {
    lines.push(
      `  clip ${position + 1}: ${clip.provider}/${clip.model} ${clip.width}x${clip.height}, ${clip.fps} fps, ${clip.durationSeconds} s: ${clip.prompt}`,
    );
    for (const image of clip.images) lines.push(`    ${image.role.padEnd(11)} ${image.source}`);
    if (position > 0) lines.push(`    firstFrame  (the last frame of clip ${position})`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  printWarnings(
    checked.flatMap((clip, position) =>
      clip.warnings.map((w) => ({ ...w, message: `clip ${position + 1}: ${w.message}` })),
    ),
  );
  return 0;
}

function printSequence(
  result: GenerateSequenceResult,
  format: OutputFormat,
  distribution: ImageDistribution,
): void {
  const json = {
    provider: result.provider,
    model: result.model,
    clips: result.clips,
    concatPath: result.concatPath ?? null,
    manifestPath: result.manifestPath,
    images: distribution.perClip,
    warnings: result.warnings,
  };
  if (format === 'json') {
    writeJsonLine(json);
    return;
  }
  if (format === 'events') {
    writeJsonLine({ type: 'result', ...json });
    return;
  }
  printWarnings(result.warnings);
  for (const clip of result.clips) {
    process.stderr.write(`clip ${clip.index}: ${clip.path} (${clip.source})\n`);
  }
  if (result.concatPath) process.stderr.write(`joined: ${result.concatPath}\n`);
  process.stdout.write(`${result.concatPath ?? result.clips.map((clip) => clip.path).join('\n')}\n`);
}

/**
 * `video-gen --stitch -p "clip 1" "clip 2" ... [-i images] [--concat final.mp4] [--resume]
 * [--delay seconds] [--out-dir dir]`: generates clips that each start on the previous clip's last
 * frame (through @video-gen/stitching), sharing the images between clips by file-name keywords as
 * the Python CLI did, and optionally joins them.
 */
export async function stitchCommand(prompt: string | undefined, flags: GenerateFlags): Promise<number> {
  const format = outputFormatFor(flags);
  const cwd = process.cwd();
  const outDir = path.resolve(cwd, sequenceDir(flags.outDir, flags.concat));
  try {
    if (prompt !== undefined) {
      throw new UsageError(
        `With --stitch, give one prompt per clip with -p: ${cliCommand('--stitch', '-p', 'clip 1', 'clip 2')}.`,
      );
    }
    if (!flags.prompts || flags.prompts.length === 0) {
      throw new UsageError(
        '--stitch needs the clips: -p "clip 1" "clip 2" ... (prompts or prompt .txt files).',
      );
    }
    if (flags.output !== undefined) {
      throw new UsageError(
        'With --stitch, use --concat <file> for the joined video and --out-dir <dir> for the clips.',
      );
    }
    if (flags.video !== undefined || flags.videoUse !== undefined) {
      throw new UsageError('--video does not combine with --stitch: a sequence chains its own clips.');
    }
    await loadPlugins(flags.plugin, cwd);
    const settings = settingsFromFlags(flags);
    const clips = await readClipPrompts(flags.prompts, cwd);
    const images = await expandImages(flags.images, cwd);
    const { id, notices } = await chooseBackend(flags.backend ?? flags.provider, readEnvironment());
    const provider = await getProvider(id);
    const distribution = groupImages(images, clips, findModel(provider, flags.model));
    const intro = [
      ...notices,
      ...(flags.loop === true
        ? ['warning: --loop applies to a single video; it is ignored with --stitch']
        : []),
      ...describeDistribution(distribution, cwd),
    ];
    if (flags.dryRun) {
      for (const line of intro) process.stderr.write(`${line}\n`);
      const model = findModel(provider, flags.model);
      // generateSequence refuses such a model before generating; a dry run must say so too.
      if (model && !model.images.firstFrame) {
        throw new ValidationError(
          `Model ${model.id} of ${provider.id} does not take a first frame, so its clips cannot be chained. See \`${cliCommand('models')}\` for models with "first frame: yes".`,
          { code: 'model_cannot_chain', provider: provider.id },
        );
      }
      return await dryRunSequence(provider, clips, distribution, flags, format);
    }
    // Loaded only here: a one-clip generation must not depend on the stitching package loading.
    const { generateSequence } = await import('@video-gen/stitching');
    const result = await withProgress(
      format,
      ({ signal, reporter }) =>
        generateSequence({
          ...settings,
          provider,
          ...(flags.providerOption ? { providerOptions: { [provider.id]: flags.providerOption } } : {}),
          clips: clips.map((clip, position) => ({
            prompt: clip.prompt,
            images: [...(distribution.perClip[position] ?? [])],
          })),
          outDir,
          ...(flags.concat !== undefined
            ? { concatTo: path.resolve(cwd, flags.concat), concat: { overwrite: flags.force === true } }
            : {}),
          resume: flags.resume === true,
          ...(flags.delay !== undefined ? { delayBetweenClipsMs: Math.round(flags.delay * 1000) } : {}),
          ...(flags.timeout !== undefined ? { timeoutMs: Math.round(flags.timeout * 1000) } : {}),
          signal,
          onProgress: sequenceProgress(reporter, format),
        }),
      intro,
    );
    printSequence(result, format, distribution);
    return 0;
  } catch (error) {
    const interrupted = CancelledError.isInstance(error) || JobTimeoutError.isInstance(error);
    const manifest = path.join(outDir, 'sequence.json');
    const journalPath = interrupted
      ? (error.journalPath ?? (existsSync(manifest) ? manifest : undefined))
      : undefined;
    return reportError(error, {
      json: format !== 'human',
      journalPath,
      resumeCommand: rerunWithResume(),
    });
  }
}
