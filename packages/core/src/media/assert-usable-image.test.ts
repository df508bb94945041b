import { describe, expect, it } from 'vitest';
import { InputFileError } from '../errors/index.js';
import { loadImage } from './load-image.js';
import { solidPng } from './solid-png.js';
import { ffmpegImage, jpegMarkerAt, tinyPngDeclaring } from './test-support/images.js';

async function refusal(bytes: Uint8Array): Promise<InputFileError> {
  try {
    await loadImage(bytes);
  } catch (error) {
    expect(InputFileError.isInstance(error), String(error)).toBe(true);
    return error as InputFileError;
  }
  throw new Error('expected the image to be refused');
}

function concat(...parts: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** Writes a little-endian uint32 into a copy of `bytes`. */
function withUint32LE(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  new DataView(copy.buffer).setUint32(offset, value, true);
  return copy;
}

const png = solidPng(32, 24);
const jpeg = ffmpegImage('a.jpg');

describe('loadImage: real images pass', () => {
  it.each([
    ['solidPng 16x16', () => solidPng(16, 16)],
    ['solidPng 1280x720', () => solidPng(1280, 720)],
    ['an ffmpeg PNG', () => ffmpegImage('a.png')],
    ['an ffmpeg JPEG', () => jpeg],
    ['an ffmpeg 4:4:4 JPEG', () => ffmpegImage('p.jpg', ['-pix_fmt', 'yuvj444p'])],
    ['an ffmpeg lossy WebP (VP8)', () => ffmpegImage('a.webp', ['-c:v', 'libwebp'])],
    ['an ffmpeg lossless WebP (VP8L)', () => ffmpegImage('b.webp', ['-c:v', 'libwebp', '-lossless', '1'])],
    [
      'an ffmpeg WebP with alpha (VP8X)',
      () => {
        const filter = 'testsrc2=s=64x48,format=rgba,colorchannelmixer=aa=0.5';
        const bytes = ffmpegImage('c.webp', ['-c:v', 'libwebp', '-pix_fmt', 'yuva420p'], filter);
        expect(Buffer.from(bytes.subarray(12, 16)).toString('latin1')).toBe('VP8X');
        return bytes;
      },
    ],
  ])('accepts %s', async (_name, make) => {
    const image = await loadImage(make());
    expect(image.kind).toBe('bytes');
  });
});

describe('loadImage: the declared pixel count is bounded', () => {
  it('refuses a 58-byte PNG declaring 16000x16000 as input_image_too_large', async () => {
    const bytes = tinyPngDeclaring(16000, 16000);
    expect(bytes.byteLength).toBe(58);
    const error = await refusal(bytes);
    expect(error.code).toBe('input_image_too_large');
    expect(error.message).toContain('16000x16000');
    expect(error.message).toContain('at most 50 megapixels');
  });

  it('refuses one pixel over 50 megapixels, and lets the structure check judge a size under it', async () => {
    expect((await refusal(tinyPngDeclaring(10000, 5001))).code).toBe('input_image_too_large');
    expect((await refusal(tinyPngDeclaring(16000, 16000))).code).toBe('input_image_too_large');
    // Under the cap, the one-byte image data is not a reason to refuse by size.
    await expect(loadImage(tinyPngDeclaring(10000, 5000))).resolves.toMatchObject({ width: 10000 });
  });
});

describe('loadImage: the image must decode far enough to be usable', () => {
  it.each([
    ['cut after its header (IHDR)', () => png.subarray(0, 33), 'no image data'],
    ['cut inside its image data', () => png.subarray(0, png.length - 20), 'cut short'],
    ['without IEND', () => png.subarray(0, png.length - 12), 'no IEND'],
    [
      'with a broken IHDR CRC',
      () => {
        const copy = new Uint8Array(png);
        copy[29] = copy[29]! ^ 0xff;
        return copy;
      },
      'CRC',
    ],
    [
      'whose image data is garbage after a valid zlib header',
      () => {
        const copy = new Uint8Array(png);
        copy.fill(0xa5, 43, 43 + 16); // IDAT data starts at byte 41: keep its two header bytes
        return copy;
      },
      'IDAT chunk at byte 33 fails its CRC check',
    ],
  ])('refuses a PNG %s as input_file_unreadable', async (_name, make, reason) => {
    const error = await refusal(make());
    expect(error.code).toBe('input_file_unreadable');
    expect(error.message).toContain(reason);
  });

  it('refuses a JPEG without SOS (its scan removed) as input_file_unreadable', async () => {
    const sos = jpegMarkerAt(jpeg, 0xda);
    const error = await refusal(concat(jpeg.subarray(0, sos), new Uint8Array([0xff, 0xd9])));
    expect(error.code).toBe('input_file_unreadable');
    expect(error.message).toContain('no SOS');
  });

  it('refuses a JPEG cut inside its scan (no EOI) and one cut inside a segment', async () => {
    const inScan = await refusal(jpeg.subarray(0, jpeg.length - 100));
    expect(inScan.code).toBe('input_file_unreadable');
    expect(inScan.message).toContain('EOI');
    const sof = jpegMarkerAt(jpeg, 0xc0);
    expect((await refusal(jpeg.subarray(0, sof + 12))).code).toBe('input_file_unreadable');
  });

  it('refuses a WebP whose RIFF length does not match its bytes', async () => {
    const webp = ffmpegImage('d.webp', ['-c:v', 'libwebp']);
    const cut = await refusal(webp.subarray(0, webp.length - 10));
    expect(cut.code).toBe('input_file_unreadable');
    expect(cut.message).toContain('RIFF header declares');
    const lying = withUint32LE(webp, 4, webp.length * 4);
    expect((await refusal(lying)).code).toBe('input_file_unreadable');
  });

  it('keeps input_file_corrupt for an image cut before its size', async () => {
    expect((await refusal(png.subarray(0, 20))).code).toBe('input_file_corrupt');
  });
});
