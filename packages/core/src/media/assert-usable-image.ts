import type { ImageMediaType } from '../contract/model-info.js';
import { InputFileError } from '../errors/input-file-error.js';
import { jpegStructureProblem } from './jpeg-structure.js';
import { pngStructureProblem } from './png-structure.js';
import { webpStructureProblem } from './webp-structure.js';

/**
 * The most pixels an input image may declare: 50 megapixels (an 8K frame is 33). A header can
 * declare any size in a few bytes, and decoders allocate for the declared size, so larger
 * images are refused before anything decodes them.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

const STRUCTURE_PROBLEM: Readonly<Record<ImageMediaType, (bytes: Uint8Array) => string | undefined>> = {
  'image/png': pngStructureProblem,
  'image/jpeg': jpegStructureProblem,
  'image/webp': webpStructureProblem,
};

/**
 * Checks, without decoding the pixels, that an image whose header was read is usable: its
 * declared pixel count is at most {@link MAX_IMAGE_PIXELS}, and its structure is whole (PNG
 * chunks, JPEG segments and scan, WebP RIFF length), so a file cut after its header or missing
 * its image data is refused before any paid call.
 *
 * @throws {InputFileError} `input_image_too_large` or `input_file_unreadable`.
 */
export function assertUsableImage(
  bytes: Uint8Array,
  mediaType: ImageMediaType,
  [width, height]: readonly [number, number],
  source: string,
): void {
  const pixels = width * height;
  if (pixels > MAX_IMAGE_PIXELS) {
    const megapixels = (pixels / 1_000_000).toFixed(1);
    throw new InputFileError(
      `Image is too large: ${source} declares ${width}x${height} pixels (${megapixels} megapixels); at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels are accepted.`,
      source,
      { code: 'input_image_too_large' },
    );
  }
  const problem = STRUCTURE_PROBLEM[mediaType](bytes);
  if (problem !== undefined) {
    throw new InputFileError(`Image cannot be decoded: ${source}: ${problem}.`, source, {
      code: 'input_file_unreadable',
    });
  }
}
