const RIFF_HEADER_LENGTH = 12;
const CHUNK_HEADER_LENGTH = 8;

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/** What the bitstream chunk's first bytes must be: VP8's start code, VP8L's signature byte. */
function bitstreamProblem(bytes: Uint8Array, type: string, data: number, size: number): string | undefined {
  if (
    type === 'VP8 ' &&
    (size < 10 || bytes[data + 3] !== 0x9d || bytes[data + 4] !== 0x01 || bytes[data + 5] !== 0x2a)
  ) {
    return 'its VP8 chunk has no valid frame header';
  }
  if (type === 'VP8L' && (size < 5 || bytes[data] !== 0x2f)) return 'its VP8L chunk has no valid signature';
  return undefined;
}

/**
 * Why a WebP cannot be decoded, or `undefined` when its structure is sound: the RIFF length
 * matches the bytes exactly, every chunk fits inside it, and an image bitstream (`VP8 `, `VP8L`,
 * or `ANMF` frames for an animation) is present with a valid start. The bitstream itself is not
 * decoded.
 */
export function webpStructureProblem(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = view.getUint32(4, true) + 8;
  if (declared !== bytes.length) {
    return declared > bytes.length
      ? `it is cut short: its RIFF header declares ${declared} bytes, ${bytes.length} are present`
      : `its RIFF header declares ${declared} bytes, but ${bytes.length} are present`;
  }
  let offset = RIFF_HEADER_LENGTH;
  let image = false;
  while (offset < bytes.length) {
    if (offset + CHUNK_HEADER_LENGTH > bytes.length)
      return `it is cut short in a chunk header at byte ${offset}`;
    const type = ascii(bytes, offset, 4);
    const size = view.getUint32(offset + 4, true);
    const data = offset + CHUNK_HEADER_LENGTH;
    if (size > bytes.length - data)
      return `it is cut short: chunk ${type} at byte ${offset} needs ${size} bytes`;
    const problem = bitstreamProblem(bytes, type, data, size);
    if (problem) return problem;
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') image = true;
    if (offset === RIFF_HEADER_LENGTH && type !== 'VP8 ' && type !== 'VP8L' && type !== 'VP8X') {
      return `its first chunk is ${JSON.stringify(type)}, not VP8, VP8L or VP8X`;
    }
    offset = data + size + (size % 2); // chunks are padded to an even length
  }
  return image ? undefined : 'it has no image data (no VP8, VP8L or ANMF chunk)';
}
