import type { VideoMediaType } from '../contract/video-input.js';

/** What an MP4/MOV header says, read in pure JS from its boxes. */
export interface VideoHeader {
  readonly mediaType: VideoMediaType;
  /** From `mvhd` (or `mehd` for a fragmented file); undefined when the file has no usable movie header. */
  readonly durationSeconds: number | undefined;
  /** The first video track's size from its `tkhd`. */
  readonly width: number | undefined;
  readonly height: number | undefined;
  /** The file has movie fragments (`moof`), whose length may only be known by reading them. */
  readonly fragmented: boolean;
}

interface Box {
  readonly type: string;
  /** Where the payload starts and ends (after the header). */
  readonly start: number;
  readonly end: number;
}

// Top-level boxes an old QuickTime file may start with when it has no `ftyp`.
const QUICKTIME_LEADS = new Set(['moov', 'mdat', 'wide', 'free', 'skip']);

function type(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

/** The boxes between `start` and `end`; stops at the first malformed header. */
function boxes(bytes: Uint8Array, view: DataView, start: number, end: number): Box[] {
  const found: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) break;
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) {
      // A box running past the end: a truncated file. Keep what can be read of it.
      found.push({ type: type(bytes, at + 4), start: at + header, end });
      break;
    }
    found.push({ type: type(bytes, at + 4), start: at + header, end: at + size });
    at += size;
  }
  return found;
}

function child(bytes: Uint8Array, view: DataView, parent: Box, name: string): Box | undefined {
  return boxes(bytes, view, parent.start, parent.end).find((box) => box.type === name);
}

/** `mvhd` or `mehd`: timescale and duration in it, version 0 (32-bit) or 1 (64-bit). */
function movieDuration(bytes: Uint8Array, view: DataView, moov: Box): number | undefined {
  const mvhd = child(bytes, view, moov, 'mvhd');
  if (!mvhd || mvhd.start + 32 > mvhd.end) return undefined;
  const v1 = bytes[mvhd.start] === 1;
  const timescale = view.getUint32(mvhd.start + (v1 ? 20 : 12));
  let duration = v1 ? Number(view.getBigUint64(mvhd.start + 24)) : view.getUint32(mvhd.start + 16);
  if (duration === 0 || duration === 0xffffffff) {
    // Fragmented MP4: the whole length is in mvex/mehd, in the same timescale.
    const mvex = child(bytes, view, moov, 'mvex');
    const mehd = mvex && child(bytes, view, mvex, 'mehd');
    if (mehd && mehd.start + 8 <= mehd.end) {
      duration =
        bytes[mehd.start] === 1 && mehd.start + 12 <= mehd.end
          ? Number(view.getBigUint64(mehd.start + 4))
          : view.getUint32(mehd.start + 4);
    } else {
      duration = 0;
    }
  }
  if (timescale === 0 || duration === 0) return undefined;
  return duration / timescale;
}

/** The first track whose `tkhd` has a non-zero size (audio tracks have 0 x 0). */
function videoSize(bytes: Uint8Array, view: DataView, moov: Box): [number, number] | undefined {
  for (const trak of boxes(bytes, view, moov.start, moov.end)) {
    if (trak.type !== 'trak') continue;
    const tkhd = child(bytes, view, trak, 'tkhd');
    if (!tkhd) continue;
    const v1 = bytes[tkhd.start] === 1;
    const sizeAt = tkhd.start + (v1 ? 88 : 76);
    if (sizeAt + 8 > tkhd.end) continue;
    const width = Math.round(view.getUint32(sizeAt) / 65536);
    const height = Math.round(view.getUint32(sizeAt + 4) / 65536);
    if (width > 0 && height > 0) return [width, height];
  }
  return undefined;
}

/**
 * Reads an MP4 or MOV header from the file's bytes: the container by its `ftyp` box (major brand
 * `qt  ` is QuickTime) or, for an old QuickTime file without one, a leading `moov`/`mdat`/`wide`
 * box; the duration from `moov/mvhd` (`mvex/mehd` when fragmented); the size from the first video
 * `tkhd`. Returns undefined when the bytes are not an ISO base media file at all.
 */
export function readVideoHeader(bytes: Uint8Array): VideoHeader | undefined {
  if (bytes.byteLength < 8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const top = boxes(bytes, view, 0, bytes.byteLength);
  const first = top[0];
  if (!first) return undefined;
  let mediaType: VideoMediaType;
  if (first.type === 'ftyp') {
    if (first.start + 4 > first.end) return undefined;
    mediaType = type(bytes, first.start) === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  } else if (QUICKTIME_LEADS.has(first.type) && top.some((box) => box.type === 'moov')) {
    mediaType = 'video/quicktime';
  } else {
    return undefined;
  }
  const moov = top.find((box) => box.type === 'moov');
  const fragmented = top.some((box) => box.type === 'moof');
  if (!moov)
    return { mediaType, durationSeconds: undefined, width: undefined, height: undefined, fragmented };
  const size = videoSize(bytes, view, moov);
  return {
    mediaType,
    durationSeconds: movieDuration(bytes, view, moov),
    width: size?.[0],
    height: size?.[1],
    fragmented,
  };
}
