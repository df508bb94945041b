import type { GenerateVideoResult } from '@video-gen/core';

/** Writes one value as a single JSON line on stdout. */
export function writeJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** The result of a generation as `--json` prints it. */
export interface ResultJson {
  readonly path: string;
  readonly provider: string;
  readonly model: string;
  readonly jobId: string;
  /** `WIDTHxHEIGHT`, also given as `width` and `height`. */
  readonly size: string;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly durationSeconds: number;
  readonly bytes: number;
  readonly resumed: boolean;
  readonly warnings: GenerateVideoResult['warnings'];
  readonly usage: GenerateVideoResult['usage'] | null;
  readonly timings: GenerateVideoResult['timings'];
}

/**
 * The JSON shape of a finished generation. Stable for scripts: fields are only ever added.
 *
 * @example
 * ```ts
 * writeJsonLine(resultJson(await generateVideo(options)));
 * ```
 */
export function resultJson(result: GenerateVideoResult): ResultJson {
  return {
    path: result.path,
    provider: result.provider,
    model: result.model,
    jobId: result.jobId,
    size: `${result.width}x${result.height}`,
    width: result.width,
    height: result.height,
    fps: result.fps,
    durationSeconds: result.durationSeconds,
    bytes: result.bytes,
    resumed: result.resumed,
    warnings: result.warnings,
    usage: result.usage ?? null,
    timings: result.timings,
  };
}
