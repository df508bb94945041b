import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError, OutputExistsError } from '@video-gen/core';
import { resolveFfmpeg } from '@video-gen/core/ffmpeg';
import { lastLine, runTool } from '../ffmpeg/run-tool.js';
import { checkVideoFile } from '../files/check-video-file.js';
import { pathExists, publishFile, temporaryPathFor } from '../files/publish-file.js';

/** The image format of an extracted frame. */
export type FrameFormat = 'png' | 'jpeg';

/**
 * Options of {@link extractLastFrame}.
 *
 * @example
 * ```ts
 * const options: ExtractLastFrameOptions = { outputDir: 'frames', format: 'png' };
 * ```
 */
export interface ExtractLastFrameOptions {
  /** The folder for the image, named `<video name>-last.png`. Default: the video's folder. */
  readonly outputDir?: string;
  /** The exact image path; takes precedence over `outputDir`. */
  readonly outputPath?: string;
  /** `png` (default) is lossless; `jpeg` is smaller, for models that take no PNG. */
  readonly format?: FrameFormat;
  /** Replace an existing image. Default false: an existing file is an OutputExistsError. */
  readonly overwrite?: boolean;
  /** The ffmpeg binary; found by core's resolver when absent. */
  readonly ffmpegPath?: string;
  /** Stops ffmpeg. */
  readonly signal?: AbortSignal;
}

// How far before the end decoding starts, and how. A short window is decoded into memory and
// played backwards (`reverse`), so only its final frame is encoded: one image, not one per frame.
// It holds the last frame of any ordinary video. The wider windows cover files whose audio outlasts
// the video, or very low frame rates; they write every decoded frame over the same file instead,
// which keeps memory flat however many frames the window holds. The last attempt decodes it all.
interface Window {
  readonly seconds: number | undefined;
  readonly reverse: boolean;
}
const WINDOWS: readonly Window[] = [
  { seconds: 0.5, reverse: true },
  { seconds: 2, reverse: true },
  { seconds: 5, reverse: false },
  { seconds: 30, reverse: false },
  { seconds: undefined, reverse: false },
];

const FORMAT_ARGS: Readonly<Record<FrameFormat, readonly string[]>> = {
  png: ['-c:v', 'png'],
  // Full-range 4:2:0 at the highest quality mjpeg offers.
  jpeg: ['-c:v', 'mjpeg', '-pix_fmt', 'yuvj420p', '-q:v', '1'],
};

function targetPath(videoPath: string, options: ExtractLastFrameOptions, format: FrameFormat): string {
  if (options.outputPath) return path.resolve(options.outputPath);
  const name = `${path.basename(videoPath, path.extname(videoPath))}-last.${format === 'png' ? 'png' : 'jpg'}`;
  return path.resolve(options.outputDir ?? path.dirname(videoPath), name);
}

/**
 * Decodes from `window.seconds` before the end (or from the start when undefined) and writes the
 * last frame: the first one out of `reverse`, or every frame over the same file. Returns whether a
 * frame was written.
 */
async function decodeTail(
  ffmpeg: string,
  videoPath: string,
  temporary: string,
  format: FrameFormat,
  window: Window,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const seek = window.seconds === undefined ? [] : ['-sseof', `-${window.seconds}`];
  const pick = window.reverse ? ['-vf', 'reverse', '-frames:v', '1'] : [];
  const run = await runTool(
    ffmpeg,
    [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      ...seek,
      '-i',
      videoPath,
      '-map',
      '0:v:0',
      '-an',
      '-sn',
      '-dn',
      // Every decoded frame once, none duplicated or dropped to fit a frame rate.
      '-vsync',
      'passthrough',
      ...pick,
      ...FORMAT_ARGS[format],
      '-f',
      'image2',
      '-update',
      '1',
      '-y',
      temporary,
    ],
    signal,
  );
  if (run.code !== 0) {
    await rm(temporary, { force: true });
    throw new InputFileError(
      `Cannot read a video frame from ${videoPath}: ffmpeg says "${lastLine(run.stderr)}". Is it a video file?`,
      videoPath,
      { code: 'input_file_not_video' },
    );
  }
  const written = await stat(temporary).then(
    (info) => info.size > 0,
    () => false,
  );
  return written;
}

/**
 * Extracts the true last frame of a video as an image (lossless PNG by default). It seeks from the
 * end (`-sseof`), so the cost stays the same however long the video is, and encodes one image: the
 * last half second is decoded and only its final frame is written. An existing image is never
 * replaced unless `overwrite` is set; the image appears atomically.
 *
 * @example
 * ```ts
 * import { extractLastFrame } from '@video-gen/stitching';
 *
 * const framePath = await extractLastFrame('out/clip-01.mp4', { outputDir: 'out/frames' });
 * // → /abs/out/frames/clip-01-last.png
 * ```
 *
 * @throws {InputFileError} the video is missing (`input_file_missing`), empty (`input_file_empty`)
 * or not a video (`input_file_not_video`).
 * @throws {OutputExistsError} the image exists and `overwrite` is not set.
 */
export async function extractLastFrame(
  videoPath: string,
  options: ExtractLastFrameOptions = {},
): Promise<string> {
  const source = path.resolve(videoPath);
  await checkVideoFile(source);
  const format = options.format ?? 'png';
  const target = targetPath(source, options, format);
  const overwrite = options.overwrite === true;
  if (!overwrite && (await pathExists(target))) throw new OutputExistsError(target);
  const ffmpeg = resolveFfmpeg({ path: options.ffmpegPath }).path;
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = temporaryPathFor(target);
  try {
    for (const window of WINDOWS) {
      if (await decodeTail(ffmpeg, source, temporary, format, window, options.signal)) {
        await publishFile(temporary, target, overwrite);
        return target;
      }
    }
  } finally {
    await rm(temporary, { force: true });
  }
  throw new InputFileError(`${source} has a video stream but no decodable frame.`, source, {
    code: 'input_file_not_video',
  });
}

/**
 * Python parity for `extract_last_frame_as_png(video_path, output_dir=None)`: the last frame as a
 * PNG in `outputDir` (default: the video's folder). Returns the image's path.
 *
 * @example
 * ```ts
 * const png = await extractLastFrameAsPng('clip.mp4', 'frames');
 * ```
 */
export function extractLastFrameAsPng(videoPath: string, outputDir?: string): Promise<string> {
  return extractLastFrame(videoPath, { format: 'png', ...(outputDir === undefined ? {} : { outputDir }) });
}
