import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveFfmpeg } from '../../ffmpeg/resolve-ffmpeg.js';

/** A real clip made with ffmpeg (cached per machine), in the container and layout asked for. */
export function makeClip(options: {
  seconds: number;
  width?: number;
  height?: number;
  format?: 'mp4' | 'mov' | 'fragmented-mp4' | 'moov-at-end';
}): Buffer {
  const { seconds, width = 160, height = 90, format = 'mp4' } = options;
  const dir = path.join(os.tmpdir(), 'video-gen-core-video-fixtures');
  const extension = format === 'mov' ? 'mov' : 'mp4';
  const file = path.join(dir, `clip-${width}x${height}-${seconds}s-${format}.${extension}`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp.${extension}`;
    const layout =
      format === 'fragmented-mp4'
        ? ['-movflags', 'frag_keyframe+empty_moov+default_base_moof']
        : format === 'moov-at-end'
          ? []
          : ['-movflags', '+faststart'];
    execFileSync(resolveFfmpeg().path, [
      '-y',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=s=${width}x${height}:r=24:d=${seconds}`,
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      ...layout,
      temporary,
    ]);
    renameSync(temporary, file);
  }
  return readFileSync(file);
}
