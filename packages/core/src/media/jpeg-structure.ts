const SOI_LENGTH = 2;
const EOI = 0xd9;
const SOS = 0xda;

/** SOF0..SOF15 carry the frame header, except DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** TEM and RST0..RST7 stand alone: no length follows them. */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

function frameProblem(bytes: Uint8Array, view: DataView, offset: number, length: number): string | undefined {
  const components = bytes[offset + 9] ?? 0;
  if (length < 8 || components < 1 || components > 4 || length !== 8 + 3 * components) {
    return `its frame header (SOF) at byte ${offset} is malformed`;
  }
  if (view.getUint16(offset + 5) === 0 || view.getUint16(offset + 7) === 0) {
    return 'its frame header declares a zero width or height';
  }
  return undefined;
}

/** Whether an EOI marker (FF D9) follows `from`: the end of the entropy-coded data. */
function hasEndOfImage(bytes: Uint8Array, from: number): boolean {
  // Searched from the end: encoders may pad after EOI, and scanning back is short in that case.
  for (let index = bytes.length - 2; index >= from; index--) {
    if (bytes[index] === 0xff && bytes[index + 1] === EOI) return true;
  }
  return false;
}

/**
 * Why a JPEG cannot be decoded, or `undefined` when its structure is sound: the marker segments
 * are walked from SOI, each must fit in the bytes, a well-formed frame header (SOF) must come
 * before the first scan (SOS), and an end-of-image marker (EOI) must follow the scan. The
 * entropy-coded data itself is not decoded.
 */
export function jpegStructureProblem(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = SOI_LENGTH;
  let frame = false;
  while (offset + 1 < bytes.length) {
    if (bytes[offset] !== 0xff) return `it has no marker at byte ${offset} where a segment should start`;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (isStandalone(marker)) {
      offset += 2;
      continue;
    }
    if (marker === EOI) return 'it ends (EOI) before any image data (no SOS scan)';
    if (offset + 4 > bytes.length) break;
    const length = view.getUint16(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) {
      return `it is cut short: the segment FF${marker.toString(16).toUpperCase()} at byte ${offset} needs ${length} bytes`;
    }
    if (isStartOfFrame(marker)) {
      const problem = frameProblem(bytes, view, offset, length);
      if (problem) return problem;
      frame = true;
    }
    if (marker === SOS) {
      if (!frame) return 'its scan (SOS) comes before any frame header (SOF)';
      const scanStart = offset + 2 + length;
      if (scanStart >= bytes.length || !hasEndOfImage(bytes, scanStart)) {
        return 'it is cut short: no end-of-image marker (EOI) after its scan';
      }
      return undefined;
    }
    offset += 2 + length;
  }
  return frame
    ? 'it is cut short: no scan (SOS) after its frame header'
    : 'it is cut short: no frame header (SOF) and no scan (SOS)';
}
