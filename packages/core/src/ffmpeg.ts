/**
 * Finds ffmpeg and ffprobe: option, `FFMPEG_PATH`, `ffmpeg-static`, `@ffmpeg-installer/ffmpeg`, then PATH.
 *
 * @packageDocumentation
 * @module @video-gen/core/ffmpeg
 */
export {
  type FfmpegSource,
  type ResolvedBinary,
  type ResolveFfmpegOptions,
  resolveFfmpeg,
  resolveFfprobe,
} from './ffmpeg/resolve-ffmpeg.js';
