export { resolveFfmpeg, resolveFfprobe, type ResolvedBinary, type ResolveFfmpegOptions, type FfmpegSource } from './ffmpeg/resolve-ffmpeg.js';
