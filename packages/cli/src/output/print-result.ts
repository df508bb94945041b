import type { GenerateVideoResult, GenerationWarning } from '@video-gen/core';
import { formatBytes, formatElapsed } from './format-units.js';
import { resultJson, writeJsonLine } from './json-output.js';

/** How a command prints its outcome: for people, one JSON object (`--json`), or JSON lines (`--events`). */
export type OutputFormat = 'human' | 'json' | 'events';

/** The output format from the flags. */
export function outputFormatFor(flags: {
  json?: boolean | undefined;
  events?: boolean | undefined;
}): OutputFormat {
  return flags.events ? 'events' : flags.json ? 'json' : 'human';
}

/** Prints each warning on stderr as `warning: …`. */
export function printWarnings(warnings: readonly GenerationWarning[]): void {
  for (const warning of warnings) {
    process.stderr.write(`warning: ${warning.feature ? `${warning.feature}: ` : ''}${warning.message}\n`);
  }
}

/**
 * Prints a finished generation. For people: a summary on stderr and the file's path alone on
 * stdout, so `$(video-gen "…")` captures the path. `--json`: one object on stdout. `--events`: a
 * `{"type":"result",…}` line after the progress lines.
 */
export function printResult(
  result: GenerateVideoResult,
  format: OutputFormat,
  /** The summary's first words for people; default "Finished" (or "Resumed and finished"). */
  done: string = result.resumed ? 'Resumed and finished' : 'Finished',
): void {
  if (format === 'json') {
    writeJsonLine(resultJson(result));
    return;
  }
  if (format === 'events') {
    writeJsonLine({ type: 'result', ...resultJson(result) });
    return;
  }
  printWarnings(result.warnings);
  process.stderr.write(
    `${done} in ${formatElapsed(result.timings.totalMs)}: ` +
      `${result.width}x${result.height}, ${result.fps} fps, ${result.durationSeconds} s, ${formatBytes(result.bytes)} ` +
      `(${result.provider}/${result.model}, job ${result.jobId})\n`,
  );
  process.stdout.write(`${result.path}\n`);
}
