import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { GenerationWarning, LoadedImage, ResolvedRequest } from '@video-gen/core';
import { ValidationError } from '@video-gen/core';
import { resolveFfmpeg } from '@video-gen/core/ffmpeg';
import { toFile } from 'openai';
import type { SoraProviderOptions } from './videos-api-options.js';

/** The image file part sent as `input_reference`. */
export type InputReferenceFile = Awaited<ReturnType<typeof toFile>>;

const EXTENSIONS = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as const;

/**
 * Checks the first frame against the API's rule that `input_reference` has exactly the video's
 * size. Returns the warning to report when it will be fitted; throws a ValidationError (before any
 * paid call) when it does not match and no fit was asked for, or when it is a URL (its size cannot
 * be checked without fetching it).
 */
export function checkInputReference(
  request: ResolvedRequest,
  options: SoraProviderOptions,
  provider: string,
): GenerationWarning[] {
  const image = request.firstFrame;
  if (image === undefined) return [];
  if (image.kind === 'url') {
    throw new ValidationError(
      `${provider} needs the first frame as a file or bytes, not a URL (${image.source}): the API requires its size to match the video's, which cannot be checked remotely. Download it and pass the file.`,
      { provider, issues: [{ field: 'firstFrame', message: 'URL images are not supported' }] },
    );
  }
  const { width, height } = request;
  if (image.width === width && image.height === height) return [];
  const sizes = `the first frame ${image.source} is ${image.width}x${image.height}, the video is ${width}x${height}`;
  if (options.fitInputReference === undefined) {
    throw new ValidationError(
      `${provider}: ${sizes}. The API needs the input reference to match the video size exactly. ` +
        `Resize the image, or pass providerOptions['${provider}'].fitInputReference: 'cover' (crop) or 'contain' (pad).`,
      {
        provider,
        issues: [
          {
            field: 'firstFrame',
            message: `${image.width}x${image.height} does not match the video size ${width}x${height}`,
            allowed: [`${width}x${height}`],
          },
        ],
      },
    );
  }
  return [
    {
      type: 'approximated',
      feature: 'firstFrame',
      message: `${sizes}; it is fitted (${options.fitInputReference}) to ${width}x${height} before upload.`,
    },
  ];
}

/**
 * The `input_reference` file part for a request: the image's own bytes and type when its size
 * matches, or a PNG of exactly the video size made with ffmpeg when `fitInputReference` is set.
 */
export async function inputReferenceFile(
  request: ResolvedRequest,
  options: SoraProviderOptions,
  signal: AbortSignal,
): Promise<InputReferenceFile | undefined> {
  const image = request.firstFrame;
  if (image === undefined || image.kind !== 'bytes') return undefined;
  const { width, height } = request;
  if ((image.width === width && image.height === height) || options.fitInputReference === undefined) {
    return toFile(image.bytes, `input-reference.${EXTENSIONS[image.mediaType]}`, { type: image.mediaType });
  }
  const png = await fitImage(image, width, height, options.fitInputReference, signal);
  return toFile(png, 'input-reference.png', { type: 'image/png' });
}

/** ffmpeg filters that make an image exactly `width`x`height`. */
function fitFilter(width: number, height: number, mode: 'cover' | 'contain'): string {
  return mode === 'cover'
    ? `scale=${width}:${height}:force_original_aspect_ratio=increase,crop=${width}:${height},setsar=1`
    : `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1`;
}

/**
 * Scales and crops (or pads) an image to exactly `width`x`height` with ffmpeg, as PNG bytes.
 * Files rather than pipes: every runtime's child_process handles them the same way.
 */
export async function fitImage(
  image: Extract<LoadedImage, { kind: 'bytes' }>,
  width: number,
  height: number,
  mode: 'cover' | 'contain',
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'video-gen-sora-fit-'));
  try {
    const input = path.join(dir, `in.${EXTENSIONS[image.mediaType]}`);
    const output = path.join(dir, 'out.png');
    await writeFile(input, image.bytes);
    const ffmpeg = resolveFfmpeg().path;
    const args = ['-v', 'error', '-y', '-i', input, '-vf', fitFilter(width, height, mode), '-frames:v', '1'];
    await new Promise<void>((resolve, reject) => {
      execFile(ffmpeg, [...args, output], { signal }, (error, _stdout, stderr) => {
        if (error && signal?.aborted) reject(signal.reason);
        else if (error) {
          reject(
            new ValidationError(
              `Could not fit the first frame ${image.source} to ${width}x${height}: ${String(stderr).trim() || error.message}`,
              {
                issues: [{ field: 'firstFrame', message: 'ffmpeg could not resize it' }],
                cause: error,
              },
            ),
          );
        } else resolve();
      });
    });
    return new Uint8Array(await readFile(output));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
