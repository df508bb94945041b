export {
  type FfmpegSource,
  type ResolvedBinary,
  type ResolveFfmpegOptions,
  resolveFfmpeg,
  resolveFfprobe,
} from './ffmpeg/resolve-ffmpeg.js';
