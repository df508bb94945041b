import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedVideo } from '../contract/request.js';
import type { ModelVideoInput, VideoInputUse } from '../contract/video-input.js';
import { InputFileError } from '../errors/input-file-error.js';
import { describeUrl } from '../http/describe-url.js';
import { checkImageUrl } from './check-image-url.js';
import { probeDuration } from './probe-duration.js';
import { readVideoHeader } from './video-header.js';

/** An input video given to `generateVideo`: a file path, an `https:` or `gs:` URL, or the bytes. */
export type VideoInput = string | URL | Uint8Array | ArrayBuffer;

/** Input videos larger than this are refused before they are read, whatever the model allows. */
export const MAX_VIDEO_FILE_BYTES = 512 * 1024 * 1024;

/** How {@link loadVideo} reads a video and judges a video URL. */
export interface LoadVideoOptions {
  /** The model's video input: its URL schemes and size limit. */
  readonly accepts: ModelVideoInput;
  /** What the model is to do with the video. Default: its first use. */
  readonly use?: VideoInputUse | undefined;
  /** The folder relative paths are resolved against. Default: the working directory. */
  readonly cwd?: string | undefined;
  /** Accept https URLs on loopback hosts (http too), as `allowLoopbackDownloads` does for images. */
  readonly allowLoopback?: boolean | undefined;
}

function useOf(options: LoadVideoOptions): VideoInputUse {
  return options.use ?? options.accepts.uses[0] ?? 'edit';
}

const GS_URI = /^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]\/[^\s]+$/;

async function fromBytes(
  bytes: Uint8Array,
  source: string,
  options: LoadVideoOptions,
  filePath?: string,
): Promise<LoadedVideo> {
  if (bytes.byteLength === 0) {
    throw new InputFileError(`Video is empty (0 bytes): ${source}`, source, { code: 'input_file_empty' });
  }
  const header = readVideoHeader(bytes);
  if (!header) {
    throw new InputFileError(
      `Unsupported video type: ${source}. Supported types, recognised by content: MP4, MOV (an ftyp or moov box).`,
      source,
      { code: 'input_video_unsupported_type' },
    );
  }
  // A fragmented MP4 may declare no length in its moov: only then is ffprobe asked.
  const durationSeconds =
    header.durationSeconds ?? (header.fragmented ? await probeDuration(bytes) : undefined);
  if (durationSeconds === undefined) {
    throw new InputFileError(
      header.fragmented
        ? `Video length cannot be read: ${source} is a fragmented MP4 without a declared duration, and ffprobe (FFPROBE_PATH, ffprobe-static, @ffprobe-installer/ffprobe or PATH) is not available to measure it`
        : `Video is truncated or corrupt (no readable movie header, moov/mvhd): ${source}`,
      source,
      { code: 'input_video_corrupt' },
    );
  }
  return {
    kind: 'bytes',
    bytes,
    mediaType: header.mediaType,
    durationSeconds,
    width: header.width,
    height: header.height,
    use: useOf(options),
    source,
    ...(filePath ? { path: filePath } : {}),
  };
}

function fromUrl(text: string, options: LoadVideoOptions): LoadedVideo {
  const use = useOf(options);
  const schemes = options.accepts.urlSchemes;
  if (text.startsWith('gs://')) {
    if (!schemes.includes('gs')) {
      throw new InputFileError(
        `Refused the video URL: this model does not read Cloud Storage (gs://) URIs; it takes ${schemes.length ? schemes.map((s) => `${s}:`).join(', ') : 'a file or bytes only'}.`,
        'gs://…',
        { code: 'input_file_unsupported_url' },
      );
    }
    if (!GS_URI.test(text)) {
      throw new InputFileError(`Refused the video URL: ${text} is not a gs://bucket/object URI.`, text, {
        code: 'input_file_unsupported_url',
      });
    }
    return { kind: 'url', url: text, use, source: text };
  }
  if (!schemes.includes('https')) {
    throw new InputFileError(
      `Refused the video URL: this model does not fetch https URLs; it takes ${schemes.includes('gs') ? 'gs:// URIs, ' : ''}a file or bytes.`,
      'video URL',
      { code: 'input_file_unsupported_url' },
    );
  }
  // The vendor fetches it on our behalf: the same policy as image URLs.
  const url = checkImageUrl(text, { field: 'video', allowLoopback: options.allowLoopback });
  return { kind: 'url', url: url.href, use, source: describeUrl(url) };
}

/**
 * Loads an input video and checks it before any paid call: the file exists, is readable and not
 * empty, is an MP4 or MOV by its header (whatever its extension), and has a movie header whose
 * duration and track size are read in pure JS. A URL is not fetched: `https:` goes through the
 * image URL policy, `gs:` must name a bucket and object, and each only where the model takes it.
 * The model's own limits (duration, bytes, containers) are checked by the caller.
 *
 * @example
 * ```ts
 * const video = await loadVideo('clips/shot1.mp4', { accepts: model.videoInput! });
 * video.kind === 'bytes' && video.durationSeconds; // 8
 * ```
 *
 * @throws {InputFileError} `input_file_missing`, `input_file_unreadable`, `input_file_empty`,
 * `input_file_too_large`, `input_video_unsupported_type`, `input_video_corrupt`,
 * `input_file_unsupported_url` or `input_url_refused`.
 */
export async function loadVideo(input: VideoInput, options: LoadVideoOptions): Promise<LoadedVideo> {
  if (input instanceof Uint8Array) return await fromBytes(input, `<${input.byteLength} bytes>`, options);
  if (input instanceof ArrayBuffer) {
    return await fromBytes(new Uint8Array(input), `<${input.byteLength} bytes>`, options);
  }
  const text = input instanceof URL ? input.href : input;
  if (input instanceof URL || /^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return fromUrl(text, options);
  const source = text;
  const filePath = path.resolve(options.cwd ?? process.cwd(), text);
  let size: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) {
      throw new InputFileError(`Video path is not a file: ${source}`, source, {
        code: 'input_file_unreadable',
      });
    }
    size = info.size;
  } catch (error) {
    if (InputFileError.isInstance(error)) throw error;
    const code = (error as { code?: string }).code;
    const missing = code === 'ENOENT' || code === 'ENOTDIR';
    throw new InputFileError(
      missing ? `Video not found: ${source}` : `Video cannot be read: ${source} (${code ?? 'unknown error'})`,
      source,
      { code: missing ? 'input_file_missing' : 'input_file_unreadable', cause: error },
    );
  }
  const limit = Math.min(options.accepts.maxBytes ?? MAX_VIDEO_FILE_BYTES, MAX_VIDEO_FILE_BYTES);
  if (size > limit) {
    throw new InputFileError(`Video is too large (${size} bytes; at most ${limit}): ${source}`, source, {
      code: 'input_file_too_large',
    });
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(filePath));
  } catch (error) {
    throw new InputFileError(`Video cannot be read: ${source}`, source, {
      code: 'input_file_unreadable',
      cause: error,
    });
  }
  return fromBytes(bytes, source, options, filePath);
}
