// The shared inputs of the table: good images, and images that lie about themselves.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { resolveFfmpeg } from '@video-gen/core/ffmpeg';
import { solidPng } from '@video-gen/testing/loopback';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function ihdr(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8; // bit depth
  data[9] = 2; // truecolour
  return chunk('IHDR', data);
}

/** A tiny PNG (about 60 bytes) whose header declares `width`×`height`: the decompression bomb of issue 14 item 10. */
export function declaredPng(width: number, height: number): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    ihdr(width, height),
    chunk('IDAT', deflateSync(Buffer.alloc(8))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG whose SOF0 declares `width`×`height`, with no image data. */
function declaredJpeg(width: number, height: number): Buffer {
  const sof = Buffer.from([
    0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
  ]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, Buffer.from([0xff, 0xd9])]);
}

/** A WebP (VP8X) whose canvas declares `width`×`height`, with no image data. */
function declaredWebp(width: number, height: number): Buffer {
  const vp8x = Buffer.alloc(18);
  vp8x.write('VP8X', 0, 'latin1');
  vp8x.writeUInt32LE(10, 4);
  vp8x.writeUIntLE(width - 1, 12, 3);
  vp8x.writeUIntLE(height - 1, 15, 3);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + vp8x.length, 4);
  riff.write('WEBP', 8, 'latin1');
  return Buffer.concat([riff, vp8x]);
}

/** A real JPEG made by ffmpeg. */
function realJpeg(file: string, width: number, height: number): Buffer {
  const result = spawnSync(
    resolveFfmpeg().path,
    ['-v', 'error', '-y', '-f', 'lavfi', '-i', `color=blue:s=${width}x${height}`, '-frames:v', '1', file],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`ffmpeg could not write ${file}: ${result.stderr}`);
  return readFileSync(file);
}

/** Makes a FIFO (a named pipe): a path that blocks whoever opens it for reading. */
export function makeFifo(file: string): void {
  const result = spawnSync('mkfifo', [file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mkfifo ${file}: ${result.stderr}`);
}

/** Unblocks a reader stuck opening a FIFO (a hung case must not hang the worker's thread pool). */
export function releaseFifo(file: string): void {
  try {
    closeSync(openSync(file, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // No reader is waiting: nothing to release.
  }
}

/** Names of the inputs, relative to the inputs folder. */
export const INPUT = {
  frame: 'frame.png', // 160x90, the local harness's size
  frame1280: 'frame-1280.png',
  jpeg: 'frame.jpg',
  empty: 'empty.png',
  truncated: 'truncated.png', // cut inside the IHDR: no header
  headerOnly: 'header-only.png', // signature + IHDR, then nothing
  corruptData: 'corrupt-data.png', // a full PNG whose pixel data is garbage
  cutJpeg: 'cut.jpg', // a JPEG cut right after its frame header
  bomb16k: 'bomb-16000.png',
  bomb100k: 'bomb-100000.png',
  zeroSize: 'zero-size.png',
  bombJpeg: 'bomb.jpg',
  bombWebp: 'bomb.webp',
  notes: 'notes.png',
  garbage: 'garbage.png',
  big: 'big.png', // 51 MB (sparse)
  fifo: 'fifo.png',
  dir: 'dir.png',
  linkToDir: 'link-to-dir.png',
  linkToFrame: 'link-to-frame.jpg', // a PNG behind a symlink, named .jpg
  dangling: 'dangling.png',
  loop: 'loop.png',
} as const;

/** Writes every input under `inputs`. */
export function writeInputs(inputs: string): void {
  mkdirSync(path.join(inputs, 'sub'), { recursive: true });
  mkdirSync(path.join(inputs, 'elsewhere'), { recursive: true });
  const at = (name: string) => path.join(inputs, name);
  const small = solidPng(160, 90);
  writeFileSync(at(INPUT.frame), small);
  writeFileSync(at(INPUT.frame1280), solidPng(1280, 720));
  const jpeg = realJpeg(at(INPUT.jpeg), 160, 90);
  writeFileSync(at(INPUT.empty), new Uint8Array(0));
  writeFileSync(at(INPUT.truncated), small.subarray(0, 20));
  writeFileSync(at(INPUT.headerOnly), small.subarray(0, 33));
  const corrupt = Buffer.from(small);
  // Garbage over the zlib stream of the first IDAT (it starts at byte 33 + 8).
  corrupt.fill(0xa5, 41, Math.min(corrupt.length - 12, 41 + 64));
  writeFileSync(at(INPUT.corruptData), corrupt);
  const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  writeFileSync(at(INPUT.cutJpeg), jpeg.subarray(0, sos > 0 ? sos : 200));
  writeFileSync(at(INPUT.bomb16k), declaredPng(16_000, 16_000));
  writeFileSync(at(INPUT.bomb100k), declaredPng(100_000, 100_000));
  writeFileSync(at(INPUT.zeroSize), declaredPng(0, 0));
  writeFileSync(at(INPUT.bombJpeg), declaredJpeg(65_000, 65_000));
  writeFileSync(at(INPUT.bombWebp), declaredWebp(16_384, 16_384));
  writeFileSync(at(INPUT.notes), 'not an image, just notes\n');
  writeFileSync(at(INPUT.garbage), Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37) % 256)));
  writeFileSync(at(INPUT.big), small);
  truncateSync(at(INPUT.big), 51 * 1024 * 1024);
  makeFifo(at(INPUT.fifo));
  mkdirSync(at(INPUT.dir));
  symlinkSync(path.join(inputs, 'sub'), at(INPUT.linkToDir));
  writeFileSync(path.join(inputs, 'elsewhere', 'frame-really-a-png.jpg'), small);
  symlinkSync(path.join(inputs, 'elsewhere', 'frame-really-a-png.jpg'), at(INPUT.linkToFrame));
  symlinkSync(path.join(inputs, 'no-such-file.png'), at(INPUT.dangling));
  symlinkSync(at(INPUT.loop), at(INPUT.loop));
}
