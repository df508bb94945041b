// Test helpers around ffmpeg: making small clips, decoding frames, measuring PSNR.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { resolveFfmpeg, resolveFfprobe } from '@video-gen/core/ffmpeg';

export const ffmpeg = resolveFfmpeg().path;
export const ffprobe = resolveFfprobe().path;

export function tempDir(prefix = 'video-gen-stitching-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export interface ClipSpec {
  width?: number;
  height?: number;
  fps?: number;
  seconds?: number;
  /** Seconds of a sine tone, when the clip should have audio. */
  audioSeconds?: number;
  /** x264 keyframe interval, in frames. */
  gop?: number;
  /** A lavfi source other than testsrc2 (its timestamp makes every frame differ). */
  source?: string;
}

/** Makes a small H.264 clip with ffmpeg's test sources. */
export function makeClip(file: string, spec: ClipSpec = {}): string {
  const {
    width = 160,
    height = 96,
    fps = 12,
    seconds = 1,
    audioSeconds,
    gop = 250,
    source = 'testsrc2',
  } = spec;
  execFileSync(ffmpeg, [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    `${source}=s=${width}x${height}:r=${fps}:d=${seconds}`,
    ...(audioSeconds === undefined
      ? []
      : ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:d=${audioSeconds}`]),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    String(gop),
    '-pix_fmt',
    'yuv420p',
    ...(audioSeconds === undefined ? [] : ['-c:a', 'aac']),
    '-y',
    file,
  ]);
  return file;
}

/** The frame at `index` (0-based), or the last one with -1, decoded by reading the whole video. */
export function decodeFrame(video: string, index: number, out: string): string {
  const filter =
    index >= 0
      ? ['-vf', `select=eq(n\\,${index})`, '-frames:v', '1']
      : ['-vsync', 'passthrough', '-update', '1'];
  execFileSync(ffmpeg, ['-v', 'error', '-i', video, ...filter, '-f', 'image2', '-y', out]);
  return out;
}

/** An image's pixels as raw RGB bytes. */
export function rgbPixels(image: string): Buffer {
  return execFileSync(ffmpeg, ['-v', 'error', '-i', image, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    maxBuffer: 256 * 1024 * 1024,
  });
}

/**
 * PSNR between two images with ffmpeg's `psnr` filter, measured in YUV 4:4:4: the colour space
 * the videos are coded in, without chroma subsampling.
 */
export function psnr(a: string, b: string): { y: number; average: number } {
  const run = spawnSync(
    ffmpeg,
    [
      '-hide_banner',
      '-i',
      a,
      '-i',
      b,
      '-lavfi',
      '[0]format=yuv444p[a];[1]format=yuv444p[b];[a][b]psnr',
      '-f',
      'null',
      '-',
    ],
    { encoding: 'utf8' },
  );
  const match = /PSNR y:([\d.inf]+) .*average:([\d.inf]+)/.exec(run.stderr);
  if (!match) throw new Error(`no PSNR in ffmpeg's output: ${run.stderr}`);
  const value = (text: string) => (text === 'inf' ? Number.POSITIVE_INFINITY : Number(text));
  return { y: value(match[1]!), average: value(match[2]!) };
}

/** ffprobe's view of a file: video frame count, duration, size, and whether it has audio. */
export function probe(file: string): {
  frames: number;
  duration: number;
  width: number;
  height: number;
  audio: boolean;
  videoCodec: string;
} {
  const out = execFileSync(
    ffprobe,
    [
      '-v',
      'error',
      '-count_frames',
      '-show_entries',
      'stream=codec_type,codec_name,nb_read_frames,width,height:format=duration',
      '-of',
      'json',
      file,
    ],
    { encoding: 'utf8' },
  );
  const data = JSON.parse(out) as {
    streams: {
      codec_type: string;
      codec_name: string;
      nb_read_frames?: string;
      width?: number;
      height?: number;
    }[];
    format: { duration: string };
  };
  const video = data.streams.find((stream) => stream.codec_type === 'video')!;
  return {
    frames: Number(video.nb_read_frames),
    duration: Number(data.format.duration),
    width: video.width!,
    height: video.height!,
    audio: data.streams.some((stream) => stream.codec_type === 'audio'),
    videoCodec: video.codec_name,
  };
}
