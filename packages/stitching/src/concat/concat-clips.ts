import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  FileSystemError,
  type GenerationWarning,
  OutputExistsError,
  ValidationError,
  VideoGenError,
  writeFileExclusive,
} from '@video-gen/core';
import { resolveFfmpeg, resolveFfprobe } from '@video-gen/core/ffmpeg';
import { lastLine, runTool } from '../ffmpeg/run-tool.js';
import { pathExists, publishFile, temporaryPathFor } from '../files/publish-file.js';
import { concatList, copyArgs, reencodeArgs } from './concat-args.js';
import { type ConcatPlan, planConcat, type ReencodePolicy } from './plan-concat.js';
import { type ClipInfo, probeClip } from './probe-clip.js';

/**
 * Options of {@link concatClips}.
 *
 * @example
 * ```ts
 * const options: ConcatClipsOptions = { dropBoundaryFrame: true, reencode: 'auto', overwrite: false };
 * ```
 */
export interface ConcatClipsOptions {
  /**
   * Drop the first frame of every clip after the first: in a frame-chained sequence it repeats the
   * previous clip's last frame. Needs a re-encode. Default false.
   */
  readonly dropBoundaryFrame?: boolean;
  /** `auto` (default): stream copy when the clips match, re-encode otherwise. `never` fails instead of re-encoding. */
  readonly reencode?: ReencodePolicy;
  /** Replace an existing output. Default false: an existing file is an OutputExistsError. */
  readonly overwrite?: boolean;
  /** x264 preset for a re-encode. Default `veryfast`. */
  readonly preset?: string;
  /** x264 CRF for a re-encode. Default 18. */
  readonly crf?: number;
  /**
   * Put the MP4 index (`moov`) before the media (`-movflags +faststart`), so a player can start
   * while the file is still downloading over HTTP. It costs a second pass over the whole output.
   * Default: false for a stream copy (one pass, the way `ffmpeg -c copy` writes it), true for a
   * re-encode (where the extra pass is lost in the encode).
   */
  readonly faststart?: boolean;
  /** The ffmpeg binary; found by core's resolver when absent. */
  readonly ffmpegPath?: string;
  /** The ffprobe binary; found by core's resolver when absent. */
  readonly ffprobePath?: string;
  /** Stops ffmpeg. */
  readonly signal?: AbortSignal;
}

/** What {@link concatClips} returns. */
export interface ConcatClipsResult {
  /** The absolute path of the joined video. */
  readonly path: string;
  /** `copy` (bytes untouched) or `reencode`. */
  readonly mode: ConcatPlan['mode'];
  /** Why a re-encode was needed. */
  readonly reasons: readonly string[];
  /** Whether the joined video has audio. */
  readonly audio: boolean;
  /** What each input clip was. */
  readonly clips: readonly ClipInfo[];
  /** Audio dropped, and the like. */
  readonly warnings: readonly GenerationWarning[];
}

/**
 * Joins clips into one MP4. Each clip is probed (all at once; an H.264/HEVC MP4 or MOV is read from
 * its header in process, anything else by ffprobe); when codec, profile, size, frame rate, pixel
 * format, timebase and codec setup all match (and no frame is dropped) the streams are copied
 * (fast, lossless); otherwise the clips are re-encoded to the first clip's size and frame rate
 * (H.264, yuv420p). Audio is kept (AAC) when every clip has an audio track and dropped with a
 * warning otherwise. The output appears atomically and is never replaced unless `overwrite`.
 *
 * @example
 * ```ts
 * import { concatClips } from '@video-gen/stitching';
 *
 * const joined = await concatClips(['out/clip-01.mp4', 'out/clip-02.mp4'], 'out/story.mp4', {
 *   dropBoundaryFrame: true, // seamless: the repeated boundary frame is removed
 * });
 * console.log(joined.path, joined.mode); // …/out/story.mp4 reencode
 * ```
 *
 * @throws {ValidationError} no clips, or `reencode: 'never'` with clips that do not match.
 * @throws {InputFileError} a clip is missing, empty or not a video.
 * @throws {OutputExistsError} `out` exists and `overwrite` is not set.
 */
export async function concatClips(
  paths: readonly string[],
  out: string,
  options: ConcatClipsOptions = {},
): Promise<ConcatClipsResult> {
  if (paths.length === 0)
    throw new ValidationError('concatClips needs at least one clip.', { code: 'no_clips' });
  const target = path.resolve(out);
  const sources = paths.map((file) => path.resolve(file));
  if (sources.includes(target)) {
    throw new ValidationError(`The output ${target} is also one of the clips.`, { code: 'output_is_input' });
  }
  const overwrite = options.overwrite === true;
  if (!overwrite && (await pathExists(target))) throw new OutputExistsError(target);

  // Resolved only when a clip needs ffprobe.
  let ffprobePath: string | undefined;
  const ffprobe = () => {
    ffprobePath ??= resolveFfprobe({ path: options.ffprobePath }).path;
    return ffprobePath;
  };
  // In parallel: most clips are read from their header in process, the rest by one ffprobe each.
  const clips: ClipInfo[] = await Promise.all(
    sources.map((source) => probeClip(source, ffprobe, options.signal)),
  );
  const dropBoundaryFrame = options.dropBoundaryFrame === true;
  const plan = planConcat(clips, { dropBoundaryFrame, reencode: options.reencode ?? 'auto' });

  const ffmpeg = resolveFfmpeg({ path: options.ffmpegPath }).path;
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = temporaryPathFor(target);
  const listPath = `${temporary}.txt`;
  try {
    let args: string[];
    if (plan.mode === 'copy') {
      // A fresh random name, created exclusively: a link planted there is never written through.
      if (!(await writeFileExclusive(listPath, concatList(sources))))
        throw new FileSystemError(`The concat list ${listPath} already exists.`, 'unsafe_path', listPath);
      args = copyArgs(listPath, plan.audio, temporary, options.faststart ?? false);
    } else {
      const encode = { preset: options.preset ?? 'veryfast', crf: options.crf ?? 18 };
      args = reencodeArgs(sources, plan, dropBoundaryFrame, encode, temporary, options.faststart ?? true);
    }
    const run = await runTool(ffmpeg, args, options.signal);
    if (run.code !== 0) {
      throw new VideoGenError(`ffmpeg could not join the clips: ${lastLine(run.stderr)}`, 'concat_failed');
    }
    await publishFile(temporary, target, overwrite);
  } finally {
    await rm(listPath, { force: true });
    await rm(temporary, { force: true });
  }
  return {
    path: target,
    mode: plan.mode,
    reasons: plan.reasons,
    audio: plan.audio,
    clips,
    warnings: plan.warnings,
  };
}
