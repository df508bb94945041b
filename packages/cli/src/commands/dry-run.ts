import { existsSync } from 'node:fs';
import {
  type CheckedVideoRequest,
  checkVideoRequest,
  type GenerateVideoOptions,
  type GenerationWarning,
  OutputExistsError,
} from '@video-gen/core';
import { writeJsonLine } from '../output/json-output.js';
import { type OutputFormat, printWarnings } from '../output/print-result.js';

/** A cost estimate, once core's checked request carries one (see docs/cli.md); nothing before that. */
interface CostEstimate {
  readonly amount: number;
  readonly currency: string;
}

function costLine(checked: CheckedVideoRequest): string[] {
  const estimate = (checked as { costEstimate?: CostEstimate }).costEstimate;
  return estimate
    ? [`  cost:      about ${estimate.amount} ${estimate.currency} (the provider's estimate)`]
    : [];
}

function printChecked(checked: CheckedVideoRequest, outPath: string | undefined): void {
  const lines = [
    'Dry run: the request is valid. Nothing was submitted and no file was written.',
    `  provider:  ${checked.provider}`,
    `  model:     ${checked.model}${checked.modelStatus === 'ga' ? '' : ` (${checked.modelLifecycle})`}`,
    `  prompt:    ${checked.prompt.length > 100 ? `${checked.prompt.slice(0, 97)}...` : checked.prompt}`,
    `  size:      ${checked.width}x${checked.height}`,
    `  fps:       ${checked.fps}`,
    `  duration:  ${checked.durationSeconds} s`,
    `  seed:      ${checked.seed ?? '(none)'}`,
    ...(checked.audio !== undefined ? [`  audio:     ${checked.audio ? 'yes' : 'no'}`] : []),
    `  images:    ${checked.images.length === 0 ? '(none)' : ''}`,
    ...checked.images.map(
      (image) =>
        `    ${image.role.padEnd(11)} ${image.source}${image.mediaType ? `  (${image.mediaType}, ${image.width}x${image.height})` : ''}`,
    ),
    ...(checked.video ? [`  video:     ${checked.video.source} (${checked.video.use})`] : []),
    `  output:    ${outPath ?? '(a new file in the current folder)'}`,
    ...costLine(checked),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  printWarnings(checked.warnings);
}

/**
 * `--dry-run`: validates the request exactly as a real run would (model, size, duration, fps,
 * images by role) and prints it, without any paid call or file written. An existing output
 * without `--force` fails here too, as it would for real.
 */
export async function dryRun(
  options: GenerateVideoOptions,
  notices: readonly string[],
  format: OutputFormat,
  extraWarnings: readonly GenerationWarning[] = [],
): Promise<number> {
  for (const notice of notices) process.stderr.write(`${notice}\n`);
  const checked = await checkVideoRequest(options);
  if (options.outPath && !options.overwrite && existsSync(options.outPath)) {
    throw new OutputExistsError(options.outPath, { provider: checked.provider });
  }
  if (format === 'human') printChecked(checked, options.outPath);
  else
    writeJsonLine({
      ...(format === 'events' ? { type: 'dry-run' } : {}),
      dryRun: true,
      ...checked,
      warnings: [...extraWarnings, ...checked.warnings],
      outPath: options.outPath ?? null,
    });
  return 0;
}
