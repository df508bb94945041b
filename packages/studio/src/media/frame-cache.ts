import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveFfmpeg } from '@video-gen/core/ffmpeg';

/** Which frame of a video. */
export type FrameKind = 'poster' | 'first' | 'last';

/** Width and height of the grey thumbnails two frames are compared on. */
const SAMPLE_WIDTH = 64;
const SAMPLE_HEIGHT = 36;
/** ffmpeg processes at once: a grid of dozens of posters must not start dozens of encoders. */
const MAX_RUNNING = 2;

function run(ffmpeg: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-nostdin', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-2000);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`ffmpeg exited ${code}: ${err.trim()}`)),
    );
  });
}

function seekArgs(kind: FrameKind, posterAt: number): string[] {
  if (kind === 'last') return ['-sseof', '-0.5'];
  if (kind === 'poster') return ['-ss', posterAt.toFixed(2)];
  return [];
}

/**
 * Frames extracted once with ffmpeg and kept in a cache folder: a poster per video, and the
 * first and last frame of stitched clips. Files are keyed by the video's id, size and mtime, so a
 * video downloaded again gets new frames.
 */
export class FrameCache {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly samples = new Map<string, Uint8Array>();

  constructor(
    readonly dir: string,
    private readonly ffmpegPath?: string,
  ) {}

  private ffmpeg(): string {
    return resolveFfmpeg(this.ffmpegPath === undefined ? {} : { path: this.ffmpegPath }).path;
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_RUNNING) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  private once<T>(key: string, work: () => Promise<T>): Promise<T> {
    const existing = this.inFlight.get(key);
    if (existing) return existing as Promise<T>;
    const started = work().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  /** A JPEG of one frame (at most 480 px wide); its path in the cache. */
  async frame(video: string, key: string, kind: FrameKind, posterAt = 0): Promise<string> {
    const target = path.join(this.dir, `${key}.${kind}.jpg`);
    const cached = await stat(target).catch(() => undefined);
    if (cached?.isFile()) return target;
    return this.once(target, () =>
      this.slot(async () => {
        await mkdir(this.dir, { recursive: true });
        const temporary = path.join(this.dir, `.${randomUUID()}.jpg`);
        const count = kind === 'last' ? ['-update', '1'] : ['-frames:v', '1'];
        try {
          await run(this.ffmpeg(), [
            ...seekArgs(kind, posterAt),
            '-i',
            video,
            '-vf',
            "scale='min(480,iw)':-2",
            ...count,
            '-q:v',
            '4',
            '-y',
            temporary,
          ]);
          await rename(temporary, target);
        } finally {
          await rm(temporary, { force: true });
        }
        return target;
      }),
    );
  }

  /** The first or last frame as a small grey image, for {@link frameDifference}. */
  async sample(video: string, key: string, kind: 'first' | 'last'): Promise<Uint8Array> {
    const id = `${key}.${kind}`;
    const cached = this.samples.get(id);
    if (cached) return cached;
    return this.once(`sample:${id}`, () =>
      this.slot(async () => {
        const bytes = await run(this.ffmpeg(), [
          ...seekArgs(kind, 0),
          '-i',
          video,
          '-vf',
          `scale=${SAMPLE_WIDTH}:${SAMPLE_HEIGHT}:flags=area,format=gray`,
          ...(kind === 'first' ? ['-frames:v', '1'] : []),
          '-f',
          'rawvideo',
          'pipe:1',
        ]);
        const size = SAMPLE_WIDTH * SAMPLE_HEIGHT;
        if (bytes.length < size) throw new Error('ffmpeg returned no frame');
        // From the end: the last frame of the final half second.
        const sample = new Uint8Array(bytes.subarray(bytes.length - (kind === 'last' ? size : bytes.length)));
        const frame = kind === 'last' ? sample : sample.subarray(0, size);
        this.samples.set(id, frame);
        return frame;
      }),
    );
  }
}

/**
 * How different two frames look: the mean absolute difference of their grey thumbnails, as a
 * percentage (0 = identical, 100 = black against white).
 */
export function frameDifference(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  if (length === 0) return 100;
  let total = 0;
  for (let index = 0; index < length; index += 1) total += Math.abs(a[index]! - b[index]!);
  return (total / length / 255) * 100;
}
