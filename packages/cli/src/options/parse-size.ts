import { InvalidArgumentError } from 'commander';

/** A width and height in pixels. */
export interface PixelSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Parses `--size`: `1280x720` (also `1280X720`, `1280×720` or `1280:720`). Whether the model takes
 * that size is core's call, which lists the allowed sizes when it does not.
 *
 * @example
 * ```ts
 * parseSize('1280x720'); // { width: 1280, height: 720 }
 * ```
 */
export function parseSize(value: string): PixelSize {
  const match = /^\s*(\d+)\s*[x×:]\s*(\d+)\s*$/i.exec(value);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (!match || width < 1 || height < 1) {
    throw new InvalidArgumentError(
      `--size takes WIDTHxHEIGHT in pixels, such as --size 1280x720 (or use --width and --height).`,
    );
  }
  return { width, height };
}
