import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedImage } from '../contract/request.js';
import { InputFileError } from '../errors/input-file-error.js';
import { describeUrl } from '../http/describe-url.js';
import { assertUsableImage } from './assert-usable-image.js';
import { checkImageUrl } from './check-image-url.js';
import { readImageHeader } from './image-header.js';

/** An image given to `generateVideo`: a file path, an `https:` URL, or the bytes themselves. */
export type ImageInput = string | URL | Uint8Array | ArrayBuffer;

/** Images larger than this are refused before they are read whole. */
export const MAX_IMAGE_FILE_BYTES = 50 * 1024 * 1024;

function describe(input: ImageInput): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return `<${input.byteLength} bytes>`;
}

function fromBytes(bytes: Uint8Array, source: string, filePath?: string): LoadedImage {
  if (bytes.byteLength === 0) {
    throw new InputFileError(`Image is empty (0 bytes): ${source}`, source, { code: 'input_file_empty' });
  }
  const { mediaType, size } = readImageHeader(bytes);
  if (!mediaType) {
    const extension = path.extname(source).toLowerCase();
    const hint = extension
      ? ` (its name ends in ${extension}, but its content is not an image of that type)`
      : '';
    throw new InputFileError(
      `Unsupported image type: ${source}${hint}. Supported types, recognised by content: PNG, JPEG, WebP.`,
      source,
      { code: 'input_file_unsupported_type' },
    );
  }
  if (!size) {
    throw new InputFileError(
      `Image is truncated or corrupt (no readable ${mediaType} header): ${source}`,
      source,
      {
        code: 'input_file_corrupt',
      },
    );
  }
  assertUsableImage(bytes, mediaType, size, source);
  return {
    kind: 'bytes',
    bytes,
    mediaType,
    width: size[0],
    height: size[1],
    source,
    ...(filePath ? { path: filePath } : {}),
  };
}

/** How {@link loadImage} reads an image and judges an image URL. */
export interface LoadImageOptions {
  /** The folder relative paths are resolved against. Default: the working directory. */
  readonly cwd?: string | undefined;
  /** The option that held the image, for messages: `firstFrame`, `images[0]`, ... */
  readonly field?: string | undefined;
  /** Accept image URLs on loopback hosts (http too): the opt-in `allowLoopbackDownloads` gives. */
  readonly allowLoopback?: boolean | undefined;
}

/**
 * Loads an image and checks it before any paid call: the file exists and is readable, is not
 * empty, is a PNG, JPEG or WebP by its magic bytes (whatever its extension), declares at most
 * 50 megapixels, and is whole (PNG chunks through IEND, JPEG frame header, scan and end marker,
 * WebP RIFF length), so a decoder can use it. An image URL is not fetched: it is checked
 * against the download URL policy (https only; no private, link-local or loopback address) and
 * passed on for the vendor to fetch.
 *
 * @example
 * ```ts
 * const image = await loadImage('frames/start.png', { field: 'firstFrame' });
 * ```
 *
 * @throws {InputFileError} with code `input_file_missing`, `input_file_unreadable`,
 * `input_file_empty`, `input_file_too_large`, `input_image_too_large`,
 * `input_file_unsupported_type`, `input_file_corrupt`, `input_file_unsupported_url` or
 * `input_url_refused`.
 */
export async function loadImage(input: ImageInput, options: LoadImageOptions = {}): Promise<LoadedImage> {
  if (input instanceof Uint8Array) return fromBytes(input, describe(input));
  if (input instanceof ArrayBuffer) return fromBytes(new Uint8Array(input), describe(input));
  const text = input instanceof URL ? input.href : input;
  if (input instanceof URL || /^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    const url = checkImageUrl(text, { field: options.field, allowLoopback: options.allowLoopback });
    return { kind: 'url', url: url.href, source: describeUrl(url) };
  }
  const source = describe(input);
  const filePath = path.resolve(options.cwd ?? process.cwd(), text);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(filePath);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new InputFileError(`Image not found: ${source}`, source, {
        code: 'input_file_missing',
        cause: error,
      });
    }
    throw new InputFileError(`Image cannot be read: ${source} (${code ?? 'unknown error'})`, source, {
      code: 'input_file_unreadable',
      cause: error,
    });
  }
  if (!info.isFile()) {
    throw new InputFileError(`Image path is not a file: ${source}`, source, {
      code: 'input_file_unreadable',
    });
  }
  if (info.size > MAX_IMAGE_FILE_BYTES) {
    throw new InputFileError(
      `Image is too large (${info.size} bytes; at most ${MAX_IMAGE_FILE_BYTES}): ${source}`,
      source,
      { code: 'input_file_too_large' },
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(filePath));
  } catch (error) {
    throw new InputFileError(`Image cannot be read: ${source}`, source, {
      code: 'input_file_unreadable',
      cause: error,
    });
  }
  return fromBytes(bytes, source, filePath);
}
