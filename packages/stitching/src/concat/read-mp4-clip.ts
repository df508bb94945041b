import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { ClipAudio, ClipInfo, ClipVideo } from './probe-clip.js';

// Reads what a stream-copy join needs (codec, profile, size, frame rate, pixel format, timebase,
// codec setup, audio, duration) from an MP4/MOV file's `moov` box in process, the same values
// ffprobe reports, so a join of ordinary clips spawns no ffprobe. Anything it does not know (another
// container, another codec, a fragmented file, a field it cannot read) returns undefined, and the
// caller asks ffprobe instead.

interface Box {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

const MOOV_LIMIT = 64 * 1024 * 1024;

function boxes(bytes: Buffer, start: number, end: number): Box[] {
  const found: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = bytes.readUInt32BE(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) break;
      size = Number(bytes.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) break;
    found.push({ type: bytes.toString('latin1', at + 4, at + 8), start: at + header, end: at + size });
    at += size;
  }
  return found;
}

function child(bytes: Buffer, parent: Box | undefined, name: string): Box | undefined {
  return parent && boxes(bytes, parent.start, parent.end).find((box) => box.type === name);
}

function path(bytes: Buffer, parent: Box | undefined, names: readonly string[]): Box | undefined {
  let box = parent;
  for (const name of names) box = child(bytes, box, name);
  return box;
}

/** The `moov` box's bytes, wherever it sits among the top-level boxes; undefined when there is none. */
async function readMoov(file: string): Promise<{ bytes: Buffer; fragmented: boolean } | undefined> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(16);
    let at = 0;
    let moov: { start: number; size: number } | undefined;
    let fragmented = false;
    let first = true;
    while (at + 8 <= size) {
      const { bytesRead } = await handle.read(head, 0, 16, at);
      if (bytesRead < 8) return undefined;
      const type = head.toString('latin1', 4, 8);
      if (first && type !== 'ftyp') return undefined;
      first = false;
      let boxSize = head.readUInt32BE(0);
      if (boxSize === 1 && bytesRead >= 16) boxSize = Number(head.readBigUInt64BE(8));
      else if (boxSize === 0) boxSize = size - at;
      if (boxSize < 8 || at + boxSize > size) return undefined;
      if (type === 'moov') moov = { start: at, size: boxSize };
      if (type === 'moof') fragmented = true;
      at += boxSize;
    }
    if (!moov || moov.size > MOOV_LIMIT) return undefined;
    const bytes = Buffer.alloc(moov.size);
    const { bytesRead } = await handle.read(bytes, 0, moov.size, moov.start);
    return bytesRead === moov.size ? { bytes, fragmented } : undefined;
  } finally {
    await handle.close();
  }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** `num/den` in lowest terms, as ffprobe writes a rational. */
function rational(num: number, den: number): string {
  const divisor = gcd(num, den) || 1;
  return `${num / divisor}/${den / divisor}`;
}

const H264_PROFILES: Readonly<Record<number, string>> = {
  66: 'Baseline',
  77: 'Main',
  88: 'Extended',
  100: 'High',
  110: 'High 10',
  122: 'High 4:2:2',
  244: 'High 4:4:4 Predictive',
};
const CHROMA = ['gray', 'yuv420p', 'yuv422p', 'yuv444p'] as const;

function pixelFormat(chroma: number, bitDepth: number): string | undefined {
  const base = CHROMA[chroma];
  if (!base) return undefined;
  if (bitDepth === 8) return base === 'gray' ? 'gray' : base;
  return `${base === 'gray' ? 'gray' : base}${bitDepth}le`;
}

interface Setup {
  readonly codec: string;
  readonly profile: string;
  readonly pixelFormat: string;
  readonly extradata: Buffer;
}

/** Reads unsigned Exp-Golomb codes and bits from an RBSP (emulation-prevention bytes removed). */
class Bits {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  bit(): number {
    const byte = this.bytes[this.at >> 3];
    if (byte === undefined) throw new RangeError('past the end');
    const value = (byte >> (7 - (this.at & 7))) & 1;
    this.at++;
    return value;
  }
  ue(): number {
    let zeros = 0;
    while (this.bit() === 0) if (++zeros > 31) throw new RangeError('bad code');
    let value = 0;
    for (let n = 0; n < zeros; n++) value = value * 2 + this.bit();
    return 2 ** zeros - 1 + value;
  }
}

/** A High-profile SPS's chroma_format_idc and luma bit depth; undefined when it cannot be read. */
function spsChroma(nal: Buffer): [number, number] | undefined {
  const rbsp: number[] = [];
  for (let n = 1; n < nal.length; n++) {
    if (n >= 3 && nal[n] === 3 && nal[n - 1] === 0 && nal[n - 2] === 0) continue;
    rbsp.push(nal[n]!);
  }
  try {
    const bits = new Bits(Uint8Array.from(rbsp.slice(3)));
    bits.ue(); // seq_parameter_set_id
    const chroma = bits.ue();
    if (chroma === 3) bits.bit(); // separate_colour_plane_flag
    return [chroma, bits.ue() + 8];
  } catch {
    return undefined;
  }
}

/** H.264's `avcC`: profile from the first SPS fields, chroma and bit depth from the High-profile tail. */
function avcSetup(avcC: Buffer): Setup | undefined {
  if (avcC.length < 7) return undefined;
  const profileIdc = avcC[1]!;
  const constraints = avcC[2]!;
  let profile = H264_PROFILES[profileIdc];
  if (!profile) return undefined;
  if (profileIdc === 66 && constraints & 0x40) profile = 'Constrained Baseline';
  if (profileIdc === 110 && constraints & 0x10) profile = 'High 10 Intra';
  let chroma = 1;
  let bitDepth = 8;
  if ([100, 110, 122, 244].includes(profileIdc)) {
    // High profiles code chroma format and bit depth in the SPS (encoders often omit avcC's copy).
    const spsLength = avcC.length >= 8 && avcC[5]! & 0x1f ? avcC.readUInt16BE(6) : 0;
    const sps = spsLength > 0 && avcC.subarray(8, 8 + spsLength);
    const fields = sps && spsChroma(sps);
    if (!fields) return undefined;
    [chroma, bitDepth] = fields;
  }
  const format = pixelFormat(chroma, bitDepth);
  return format ? { codec: 'h264', profile, pixelFormat: format, extradata: avcC } : undefined;
}

const HEVC_PROFILES: Readonly<Record<number, string>> = { 1: 'Main', 2: 'Main 10', 3: 'Main Still Picture' };

/** HEVC's `hvcC`: profile, chroma format and bit depth are fixed fields of its header. */
function hevcSetup(hvcC: Buffer): Setup | undefined {
  if (hvcC.length < 23) return undefined;
  const profile = HEVC_PROFILES[hvcC[1]! & 0x1f];
  const format = pixelFormat(hvcC[16]! & 0x03, (hvcC[17]! & 0x07) + 8);
  return profile && format ? { codec: 'hevc', profile, pixelFormat: format, extradata: hvcC } : undefined;
}

interface Track {
  readonly handler: string;
  readonly timescale: number;
  readonly entry: Box;
  readonly stbl: Box;
}

function tracks(bytes: Buffer, moov: Box): Track[] {
  const found: Track[] = [];
  for (const trak of boxes(bytes, moov.start, moov.end)) {
    if (trak.type !== 'trak') continue;
    const mdia = child(bytes, trak, 'mdia');
    const mdhd = child(bytes, mdia, 'mdhd');
    const hdlr = child(bytes, mdia, 'hdlr');
    const stbl = path(bytes, mdia, ['minf', 'stbl']);
    const stsd = child(bytes, stbl, 'stsd');
    if (!mdhd || !hdlr || !stbl || !stsd || hdlr.start + 12 > hdlr.end) continue;
    const timescale = bytes.readUInt32BE(mdhd.start + (bytes[mdhd.start] === 1 ? 20 : 12));
    // stsd: version/flags, entry count, then the entries; only the first is used.
    const entry = boxes(bytes, stsd.start + 8, stsd.end)[0];
    if (!entry || timescale === 0) continue;
    found.push({
      handler: bytes.toString('latin1', hdlr.start + 8, hdlr.start + 12),
      timescale,
      entry,
      stbl,
    });
  }
  return found;
}

/** The frame rate from `stts` when every sample lasts as long (a constant frame rate), else undefined. */
function constantFrameRate(bytes: Buffer, track: Track): string | undefined {
  const stts = child(bytes, track.stbl, 'stts');
  if (!stts || stts.start + 8 > stts.end) return undefined;
  const count = bytes.readUInt32BE(stts.start + 4);
  if (count === 0 || stts.start + 8 + count * 8 > stts.end) return undefined;
  const delta = bytes.readUInt32BE(stts.start + 12);
  for (let n = 1; n < count; n++) {
    const at = stts.start + 8 + n * 8;
    // The last sample's duration is often off by one; ffprobe's rate ignores it the same way.
    if (bytes.readUInt32BE(at + 4) !== delta && !(n === count - 1 && bytes.readUInt32BE(at) === 1))
      return undefined;
  }
  return delta > 0 ? rational(track.timescale, delta) : undefined;
}

function readVideo(bytes: Buffer, track: Track): ClipVideo | undefined {
  const { entry } = track;
  // VisualSampleEntry: 8 bytes SampleEntry, 16 reserved, width and height, then 50 more, then boxes.
  if (entry.start + 78 > entry.end) return undefined;
  const width = bytes.readUInt16BE(entry.start + 24);
  const height = bytes.readUInt16BE(entry.start + 26);
  const inner = boxes(bytes, entry.start + 78, entry.end);
  const config = (name: string) => {
    const box = inner.find((candidate) => candidate.type === name);
    return box && bytes.subarray(box.start, box.end);
  };
  let setup: Setup | undefined;
  if (entry.type === 'avc1' || entry.type === 'avc3') {
    const avcC = config('avcC');
    setup = avcC && avcSetup(avcC);
  } else if (entry.type === 'hvc1' || entry.type === 'hev1') {
    const hvcC = config('hvcC');
    setup = hvcC && hevcSetup(hvcC);
  }
  const frameRate = constantFrameRate(bytes, track);
  if (!setup || !frameRate || width === 0 || height === 0) return undefined;
  const [num, den] = frameRate.split('/').map(Number) as [number, number];
  return {
    codec: setup.codec,
    profile: setup.profile,
    width,
    height,
    frameRate,
    fps: num / den,
    pixelFormat: setup.pixelFormat,
    timeBase: `1/${track.timescale}`,
    extradataHash: `SHA256:${createHash('sha256').update(setup.extradata).digest('hex')}`,
  };
}

const AAC_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

/** One MPEG-4 descriptor: tag, then a size in 7-bit groups. */
function descriptor(bytes: Buffer, at: number): { tag: number; start: number; end: number } | undefined {
  const tag = bytes[at];
  let size = 0;
  let n = at + 1;
  for (let count = 0; count < 4; count++) {
    const byte = bytes[n++];
    if (byte === undefined) return undefined;
    size = size * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) break;
  }
  return tag === undefined ? undefined : { tag, start: n, end: n + size };
}

/** AAC's channel count and sample rate from `esds` (AudioSpecificConfig), as a decoder sees them. */
function readAudio(bytes: Buffer, track: Track): ClipAudio | undefined {
  const { entry } = track;
  // AudioSampleEntry (version 0): 28 bytes of fields, then boxes.
  if (entry.type !== 'mp4a' || entry.start + 28 > entry.end) return undefined;
  if (bytes.readUInt16BE(entry.start + 8) !== 0) return undefined;
  const esds = boxes(bytes, entry.start + 28, entry.end).find((box) => box.type === 'esds');
  if (!esds) return undefined;
  // ES_Descriptor (tag 3): ES_ID, flags; DecoderConfigDescriptor (tag 4): object type 0x40 is AAC;
  // DecoderSpecificInfo (tag 5): the AudioSpecificConfig.
  const es = descriptor(bytes, esds.start + 4);
  if (es?.tag !== 3) return undefined;
  const flags = bytes[es.start + 2] ?? 0;
  let at = es.start + 3;
  if (flags & 0x80) at += 2;
  if (flags & 0x40) at += 1 + (bytes[at] ?? 0);
  if (flags & 0x20) at += 2;
  const config = descriptor(bytes, at);
  if (config?.tag !== 4 || bytes[config.start] !== 0x40) return undefined;
  const specific = descriptor(bytes, config.start + 13);
  if (specific?.tag !== 5 || specific.start + 2 > specific.end) return undefined;
  const word = bytes.readUInt16BE(specific.start);
  const objectType = word >> 11;
  const rateIndex = (word >> 7) & 0x0f;
  const channels = (word >> 3) & 0x0f;
  // Escaped object types, explicit rates and channel layouts in a PCE: left to ffprobe.
  if (objectType === 31 || rateIndex === 15 || channels === 0 || channels > 7) return undefined;
  const sampleRate = AAC_RATES[rateIndex];
  return sampleRate ? { codec: 'aac', sampleRate, channels: channels === 7 ? 8 : channels } : undefined;
}

/**
 * A clip's parameters read from its MP4/MOV header in process, or undefined when this reader does
 * not cover the file (then ffprobe should be asked).
 */
export async function readMp4Clip(file: string): Promise<ClipInfo | undefined> {
  const moovBytes = await readMoov(file).catch(() => undefined);
  if (!moovBytes || moovBytes.fragmented) return undefined;
  const { bytes } = moovBytes;
  try {
    const moov: Box = { type: 'moov', start: bytes.readUInt32BE(0) === 1 ? 16 : 8, end: bytes.length };
    const mvhd = child(bytes, moov, 'mvhd');
    if (!mvhd) return undefined;
    const v1 = bytes[mvhd.start] === 1;
    const timescale = bytes.readUInt32BE(mvhd.start + (v1 ? 20 : 12));
    const duration = v1
      ? Number(bytes.readBigUInt64BE(mvhd.start + 24))
      : bytes.readUInt32BE(mvhd.start + 16);
    if (timescale === 0 || duration === 0) return undefined;
    const all = tracks(bytes, moov);
    const videoTrack = all.find((track) => track.handler === 'vide');
    const audioTrack = all.find((track) => track.handler === 'soun');
    const video = videoTrack && readVideo(bytes, videoTrack);
    if (!video) return undefined;
    let audio: ClipAudio | undefined;
    if (audioTrack) {
      audio = readAudio(bytes, audioTrack);
      if (!audio) return undefined;
    }
    return { path: file, video, audio, durationSeconds: duration / timescale };
  } catch {
    // A box shorter than its fields: not a file this reader covers.
    return undefined;
  }
}
