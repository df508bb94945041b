import { InputFileError } from '@video-gen/core';
import { lastLine, runTool } from '../ffmpeg/run-tool.js';
import { checkVideoFile } from '../files/check-video-file.js';
import { readMp4Clip } from './read-mp4-clip.js';

/** The video stream parameters that must match for a stream-copy join. */
export interface ClipVideo {
  readonly codec: string;
  readonly profile: string | undefined;
  readonly width: number;
  readonly height: number;
  /** As ffprobe writes it, such as `24/1` or `30000/1001`. */
  readonly frameRate: string;
  readonly fps: number;
  readonly pixelFormat: string;
  readonly timeBase: string;
  /** A hash of the codec's setup bytes (SPS/PPS for H.264), when ffprobe reports it. */
  readonly extradataHash: string | undefined;
}

/** The audio stream's parameters. */
export interface ClipAudio {
  readonly codec: string;
  readonly sampleRate: number;
  readonly channels: number;
}

/** What ffprobe says about one clip. */
export interface ClipInfo {
  readonly path: string;
  readonly video: ClipVideo;
  readonly audio: ClipAudio | undefined;
  /**
   * The container's duration in seconds: the movie header's when read in process (it may count
   * AAC's priming samples, some 20 ms, that ffprobe leaves out), ffprobe's otherwise.
   */
  readonly durationSeconds: number;
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  width?: number;
  height?: number;
  r_frame_rate?: string;
  pix_fmt?: string;
  time_base?: string;
  sample_rate?: string;
  channels?: number;
  extradata_hash?: string;
}

function rational(text: string | undefined): number {
  const [num, den] = (text ?? '').split('/').map(Number);
  return num !== undefined && den !== undefined && den > 0 ? num / den : Number.NaN;
}

/**
 * Reads a clip's first video and audio streams: from its MP4/MOV header in process when it is an
 * H.264/HEVC (and AAC) MP4 or MOV, with ffprobe otherwise (`ffprobe` is called for its path only
 * then). Both give the same values.
 *
 * @throws {InputFileError} the file is missing or empty, or has no video stream (`input_file_not_video`).
 */
export async function probeClip(
  file: string,
  ffprobe: () => string,
  signal?: AbortSignal,
): Promise<ClipInfo> {
  await checkVideoFile(file);
  return (await readMp4Clip(file)) ?? ffprobeClip(file, ffprobe(), signal);
}

/** {@link probeClip} by ffprobe, for any file ffmpeg reads. */
export async function ffprobeClip(file: string, ffprobe: string, signal?: AbortSignal): Promise<ClipInfo> {
  const run = await runTool(
    ffprobe,
    [
      '-v',
      'error',
      '-show_data_hash',
      'sha256',
      '-show_entries',
      'stream=codec_type,codec_name,profile,width,height,r_frame_rate,pix_fmt,time_base,sample_rate,channels,extradata_hash:format=duration',
      '-of',
      'json',
      file,
    ],
    signal,
  );
  const notVideo = (why: string) =>
    new InputFileError(`${file} is not a video ffmpeg can read: ${why}`, file, {
      code: 'input_file_not_video',
    });
  if (run.code !== 0) throw notVideo(lastLine(run.stderr));
  const data = JSON.parse(run.stdout) as { streams?: ProbeStream[]; format?: { duration?: string } };
  const streams = data.streams ?? [];
  const video = streams.find((stream) => stream.codec_type === 'video');
  if (!video?.codec_name || !video.width || !video.height) throw notVideo('it has no video stream');
  const audio = streams.find((stream) => stream.codec_type === 'audio');
  return {
    path: file,
    video: {
      codec: video.codec_name,
      profile: video.profile,
      width: video.width,
      height: video.height,
      frameRate: video.r_frame_rate ?? '0/1',
      fps: rational(video.r_frame_rate),
      pixelFormat: video.pix_fmt ?? 'unknown',
      timeBase: video.time_base ?? 'unknown',
      extradataHash: video.extradata_hash,
    },
    audio: audio?.codec_name
      ? { codec: audio.codec_name, sampleRate: Number(audio.sample_rate ?? 0), channels: audio.channels ?? 0 }
      : undefined,
    durationSeconds: Number(data.format?.duration ?? Number.NaN),
  };
}
