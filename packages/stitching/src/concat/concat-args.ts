import type { ConcatPlan } from './plan-concat.js';

/** Encoder settings for a re-encode. */
export interface EncodeSettings {
  /** x264 preset. */
  readonly preset: string;
  /** x264 constant rate factor: lower is better; 18 is visually lossless. */
  readonly crf: number;
}

/**
 * The concat demuxer's list file. Paths are quoted, with single quotes escaped the way ffmpeg's
 * parser expects (`'\''`).
 */
export function concatList(paths: readonly string[]): string {
  const quoted = paths.map((file) => `file '${file.replaceAll("'", "'\\''")}'`);
  return `ffconcat version 1.0\n${quoted.join('\n')}\n`;
}

const COMMON = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'] as const;

/** `-movflags +faststart` when asked: a second pass that moves the index (`moov`) before the media. */
function faststartArgs(faststart: boolean): string[] {
  return faststart ? ['-movflags', '+faststart'] : [];
}

/** ffmpeg's arguments for a stream-copy join through the concat demuxer: one pass unless `faststart`. */
export function copyArgs(listPath: string, audio: boolean, output: string, faststart = false): string[] {
  return [
    ...COMMON,
    '-f',
    'concat',
    '-safe',
    '0',
    '-i',
    listPath,
    '-map',
    '0:v:0',
    ...(audio ? ['-map', '0:a:0'] : []),
    '-c',
    'copy',
    ...faststartArgs(faststart),
    '-f',
    'mp4',
    output,
  ];
}

/**
 * ffmpeg's arguments for a normalising join: every clip scaled (letterboxed, never stretched) to
 * the plan's size, at its frame rate, in yuv420p, then the concat filter. With
 * `dropBoundaryFrame`, each following clip loses its first frame (and as much audio), the frame
 * that repeats the previous clip's last one.
 */
export function reencodeArgs(
  paths: readonly string[],
  plan: ConcatPlan,
  dropBoundaryFrame: boolean,
  encode: EncodeSettings,
  output: string,
  faststart = true,
): string[] {
  // yuv420p needs even sides.
  const width = plan.width - (plan.width % 2);
  const height = plan.height - (plan.height % 2);
  const frameSeconds = 1 / plan.fps;
  const graph: string[] = [];
  const pads: string[] = [];
  paths.forEach((_, index) => {
    const drop = dropBoundaryFrame && index > 0;
    graph.push(
      `[${index}:v:0]scale=${width}:${height}:force_original_aspect_ratio=decrease,` +
        `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=${plan.frameRate},format=yuv420p` +
        `${drop ? ',trim=start_frame=1' : ''},setpts=PTS-STARTPTS[v${index}]`,
    );
    pads.push(`[v${index}]`);
    if (plan.audio) {
      graph.push(
        `[${index}:a:0]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo` +
          `${drop ? `,atrim=start=${frameSeconds.toFixed(6)}` : ''},asetpts=PTS-STARTPTS[a${index}]`,
      );
      pads.push(`[a${index}]`);
    }
  });
  graph.push(
    `${pads.join('')}concat=n=${paths.length}:v=1:a=${plan.audio ? 1 : 0}[v]${plan.audio ? '[a]' : ''}`,
  );
  return [
    ...COMMON,
    ...paths.flatMap((file) => ['-i', file]),
    '-filter_complex',
    graph.join(';'),
    '-map',
    '[v]',
    ...(plan.audio ? ['-map', '[a]', '-c:a', 'aac', '-b:a', '192k'] : []),
    '-c:v',
    'libx264',
    '-preset',
    encode.preset,
    '-crf',
    String(encode.crf),
    '-pix_fmt',
    'yuv420p',
    ...faststartArgs(faststart),
    '-f',
    'mp4',
    output,
  ];
}
