// Test-only builders of hostile and real images (not exported from the package).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveFfmpeg } from '../../ffmpeg.js';
import { crc32 } from '../crc32.js';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A well-formed 58-byte PNG that declares `width`x`height`: one byte of image data. */
export function tinyPngDeclaring(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', new Uint8Array([0x78])),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}

/** Index of the first `FF <marker>` in a JPEG. */
export function jpegMarkerAt(bytes: Uint8Array, marker: number): number {
  for (let index = 2; index + 1 < bytes.length; index++) {
    if (bytes[index] === 0xff && bytes[index + 1] === marker) return index;
  }
  throw new Error(`no FF${marker.toString(16)} marker`);
}

let folder: string | undefined;

/** A real image encoded by ffmpeg (`a.jpg`, `a.png`, `a.webp`; extra encoder arguments allowed). */
export function ffmpegImage(
  name: string,
  args: readonly string[] = [],
  filter = 'testsrc2=s=64x48',
): Uint8Array {
  folder ??= mkdtempSync(path.join(os.tmpdir(), 'video-gen-images-'));
  const file = path.join(folder, name);
  execFileSync(resolveFfmpeg().path, [
    '-y',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    filter,
    '-frames:v',
    '1',
    ...args,
    file,
  ]);
  return new Uint8Array(readFileSync(file));
}
