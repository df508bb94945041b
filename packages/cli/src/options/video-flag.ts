import path from 'node:path';
import type { GenerateVideoOptions } from '@video-gen/core';
import { UsageError } from '../usage-error.js';
import type { GenerateFlags } from './generate-flags.js';

/** URL schemes an input video may name; anything else is a path. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The request's input video from `--video` and `--video-use`: a URL as given (core checks its
 * scheme against the model's), a path resolved against `cwd`. `--video-use` without `--video` is
 * a usage error here, before anything is loaded or sent (`--stitch` refuses `--video` itself).
 *
 * @example
 * ```ts
 * videoFromFlags({ video: 'clip.mp4', videoUse: 'extend' }, '/work'); // { video: '/work/clip.mp4', videoUse: 'extend' }
 * ```
 */
export function videoFromFlags(
  flags: GenerateFlags,
  cwd: string,
): Pick<GenerateVideoOptions, 'video' | 'videoUse'> {
  if (flags.video === undefined) {
    if (flags.videoUse !== undefined) {
      throw new UsageError('--video-use needs --video <path|url>: the input video it says what to do with.');
    }
    return {};
  }
  const source = flags.video.trim();
  if (source === '') throw new UsageError('--video needs a path or a URL.');
  return {
    video: URL_SCHEME.test(source) ? source : path.resolve(cwd, source),
    ...(flags.videoUse === undefined ? {} : { videoUse: flags.videoUse }),
  };
}
