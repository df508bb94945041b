import { createHash } from 'node:crypto';
import path from 'node:path';
import type { LoadedImage, LoadedVideo } from '../contract/request.js';
import type { ImageInput } from '../media/load-image.js';
import type { GenerateVideoOptions } from './generate-video-options.js';

function imageIdentity(input: ImageInput | undefined): string | null {
  if (input === undefined) return null;
  if (typeof input === 'string') return /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : path.resolve(input);
  if (input instanceof URL) return input.href;
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * A hash of what a request asks for, computed without reading any file: a re-run with the same
 * options matches its journal; a re-run with other options does not.
 */
export function requestFingerprint(options: GenerateVideoOptions, providerId: string): string {
  const identity = {
    provider: providerId,
    model: options.model ?? null,
    prompt: options.prompt,
    width: options.width ?? null,
    height: options.height ?? null,
    fps: options.fps ?? null,
    durationSeconds: options.durationSeconds ?? null,
    seed: options.seed ?? null,
    negativePrompt: options.negativePrompt ?? null,
    audio: options.audio ?? null,
    images: (options.images ?? []).map(imageIdentity),
    firstFrame: imageIdentity(options.firstFrame),
    lastFrame: imageIdentity(options.lastFrame),
    referenceImages: (options.referenceImages ?? []).map(imageIdentity),
    // Only when given, so journals written before video input existed still match.
    ...(options.video === undefined
      ? {}
      : { video: imageIdentity(options.video), videoUse: options.videoUse ?? null }),
    providerOptions: options.providerOptions?.[providerId] ?? null,
  };
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

/** The journal's record of an image: a path or URL, or `null` for bytes that cannot be read back. */
export function journalImage(image: LoadedImage | undefined): string | null | undefined {
  if (image === undefined) return undefined;
  return image.kind === 'url' ? image.url : (image.path ?? null);
}

/** The journal's record of an input video, like an image's: a path or URL, or `null` for bytes. */
export function journalVideo(video: LoadedVideo | undefined): string | null | undefined {
  if (video === undefined) return undefined;
  return video.kind === 'url' ? video.url : (video.path ?? null);
}
