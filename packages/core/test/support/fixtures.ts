import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveFfmpeg } from '@video-gen/core/ffmpeg';

const fixtureDir = path.join(os.tmpdir(), 'video-gen-core-fixtures');

/** A tiny real MP4 (made once with ffmpeg), for download tests. */
export function tinyMp4(): string {
  const file = path.join(fixtureDir, 'tiny.mp4');
  if (!existsSync(file)) {
    mkdirSync(fixtureDir, { recursive: true });
    const temporary = `${file}.${process.pid}.mp4`;
    execFileSync(resolveFfmpeg().path, [
      '-y',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=s=160x90:r=24:d=1',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-movflags',
      '+faststart',
      temporary,
    ]);
    // Rename so concurrent test files never read a half-written fixture.
    renameSync(temporary, file);
  }
  return file;
}

/** A 1x1 PNG. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A fresh temporary folder. */
export function tempDir(prefix = 'video-gen-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes `bytes` into `dir/name` and returns the path. */
export function writeFixture(dir: string, name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
