import { crc32 } from './crc32.js';

/** Bit depths PNG allows per colour type (PNG spec, table 11.1). */
const BIT_DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16], // greyscale
  2: [8, 16], // truecolour
  3: [1, 2, 4, 8], // indexed
  4: [8, 16], // greyscale with alpha
  6: [8, 16], // truecolour with alpha
};

const SIGNATURE_LENGTH = 8;
/** The chunks a decoder cannot do without. */
const CRITICAL: ReadonlySet<string> = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);
/** Length, type and CRC around each chunk's data. */
const CHUNK_OVERHEAD = 12;

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function ihdrProblem(bytes: Uint8Array, view: DataView, length: number): string | undefined {
  if (length !== 13) return `its IHDR chunk is ${length} bytes, not 13`;
  const data = SIGNATURE_LENGTH + 8;
  const width = view.getUint32(data);
  const height = view.getUint32(data + 4);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) {
    return `its IHDR declares an invalid size ${width}x${height}`;
  }
  const depth = bytes[data + 8]!;
  const colourType = bytes[data + 9]!;
  if (!BIT_DEPTHS[colourType]?.includes(depth)) {
    return `its IHDR declares colour type ${colourType} with bit depth ${depth}, which PNG does not define`;
  }
  if (bytes[data + 10] !== 0 || bytes[data + 11] !== 0 || bytes[data + 12]! > 1) {
    return 'its IHDR declares an unknown compression, filter or interlace method';
  }
  return undefined;
}

/**
 * Why a PNG cannot be decoded, or `undefined` when its structure is sound: the chunks are walked
 * from the signature to `IEND`, each must fit in the bytes, the CRCs of the critical chunks
 * (`IHDR`, `PLTE`, `IDAT`, `IEND`) must hold, `IHDR` comes first with valid fields, an indexed
 * image has a `PLTE`, and at least one `IDAT` is present whose data starts with a valid zlib
 * header. The pixel data itself is not inflated.
 */
export function pngStructureProblem(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = SIGNATURE_LENGTH;
  let index = 0;
  let palette = false;
  let firstIdat: number | undefined;
  while (offset + CHUNK_OVERHEAD <= bytes.length) {
    const length = view.getUint32(offset);
    const type = ascii(bytes, offset + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) return `chunk ${index} at byte ${offset} has no valid type`;
    if (length > bytes.length - offset - CHUNK_OVERHEAD) {
      return `it is cut short: chunk ${type} at byte ${offset} needs ${length} bytes of data, ${Math.max(0, bytes.length - offset - CHUNK_OVERHEAD)} remain`;
    }
    // Decoders refuse a critical chunk whose CRC fails (ancillary ones they may skip), so do we.
    if (
      CRITICAL.has(type) &&
      crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)
    ) {
      return `its ${type} chunk at byte ${offset} fails its CRC check (the data is corrupt)`;
    }
    if (index === 0) {
      if (type !== 'IHDR') return `its first chunk is ${type}, not IHDR`;
      const problem = ihdrProblem(bytes, view, length);
      if (problem) return problem;
    } else if (type === 'IHDR') {
      return 'it has a second IHDR chunk';
    }
    if (type === 'PLTE') palette = true;
    if (type === 'IDAT' && firstIdat === undefined && length > 0) firstIdat = length > 1 ? offset + 8 : -1;
    if (type === 'IEND') {
      if (firstIdat === undefined) return 'it has no image data (no non-empty IDAT chunk)';
      if (bytes[SIGNATURE_LENGTH + 8 + 9] === 3 && !palette) return 'it is indexed but has no PLTE chunk';
      // A one-byte first IDAT splits the zlib header across chunks: too rare to reassemble.
      return firstIdat < 0 ? undefined : zlibHeaderProblem(bytes, firstIdat);
    }
    offset += CHUNK_OVERHEAD + length;
    index++;
  }
  if (index === 0) return 'it is cut short after its signature';
  return firstIdat === undefined
    ? 'it is cut short: no image data (IDAT) and no IEND chunk'
    : 'it is cut short: no IEND chunk';
}

/** The image data is one zlib stream: deflate (method 8) with a header whose check bits hold. */
function zlibHeaderProblem(bytes: Uint8Array, start: number): string | undefined {
  const cmf = bytes[start]!;
  const flg = bytes[start + 1]!;
  if ((cmf & 0x0f) !== 8 || ((cmf << 8) | flg) % 31 !== 0) {
    return 'its image data is not a zlib stream';
  }
  return undefined;
}
