// Shared by this package's tests; not part of the build (tsup bundles from index.ts only).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type {
  JobRef,
  JobStatus,
  LoadedImage,
  Logger,
  ProviderContext,
  ResolvedRequest,
  VideoProvider,
} from '@video-gen/core';
import { resolveFfmpeg, resolveFfprobe } from '@video-gen/core/ffmpeg';
import { localModels } from './local-models.js';

export const ffmpeg = resolveFfmpeg().path;
export const ffprobe = resolveFfprobe().path;

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A provider context with a silent logger. */
export function context(): ProviderContext {
  return { signal: new AbortController().signal, logger: silent, fetch: globalThis.fetch };
}

/** A fresh folder under the OS temp folder. */
export function tempDir(prefix = 'video-gen-local-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** A small request: 320×240, 12 fps, 2 s, with a fresh idempotency key unless one is given. */
export function request(overrides: Partial<ResolvedRequest> = {}): ResolvedRequest {
  return {
    prompt: 'a lighthouse in a storm',
    model: localModels[0]!,
    width: 320,
    height: 240,
    fps: 12,
    durationSeconds: 2,
    seed: 1,
    negativePrompt: undefined,
    audio: undefined,
    firstFrame: undefined,
    lastFrame: undefined,
    referenceImages: [],
    providerOptions: {},
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `status` until the job ends; returns every status seen, the last one final. */
export async function pollToEnd(
  provider: VideoProvider,
  job: JobRef,
  timeoutMs = 60_000,
): Promise<JobStatus[]> {
  const seen: JobStatus[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await provider.status(job, context());
    seen.push(status);
    if (status.state !== 'queued' && status.state !== 'running') return seen;
    if (Date.now() > deadline) throw new Error(`job ${job.id} still ${status.state} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Downloads a finished job to `file`. */
export async function downloadTo(provider: VideoProvider, job: JobRef, file: string): Promise<void> {
  const source = await provider.download(job, context());
  if (source.type !== 'stream') throw new Error('expected a stream');
  await pipeline(Readable.fromWeb(source.body as NodeReadableStream<Uint8Array>), createWriteStream(file));
}

/** Submits, waits and downloads: the whole lifecycle, driven directly. */
export async function render(provider: VideoProvider, req: ResolvedRequest, file: string): Promise<JobRef> {
  const job = await provider.submit(req, context());
  const last = (await pollToEnd(provider, job)).at(-1)!;
  if (last.state !== 'succeeded') throw new Error(`job ended ${JSON.stringify(last)}`);
  await downloadTo(provider, job, file);
  return job;
}

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  r_frame_rate?: string;
  duration?: string;
  nb_frames?: string;
}

/** ffprobe's streams. */
export function probe(file: string): ProbedStream[] {
  const out = execFileSync(ffprobe, ['-v', 'error', '-show_streams', '-of', 'json', file], {
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { streams: ProbedStream[] }).streams;
}

/** The MD5 of every decoded video frame, in order. */
export function frameHashes(file: string): string[] {
  const out = execFileSync(ffmpeg, ['-v', 'error', '-i', file, '-map', '0:v', '-f', 'framemd5', '-'], {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(',').at(-1)!.trim());
}

/** Decoded frame `index` as raw RGB bytes. */
export function frameRgb(file: string, index: number): Buffer {
  const args = ['-v', 'error', '-i', file, '-vf', `select=eq(n\\,${index})`, '-frames:v', '1'];
  return execFileSync(ffmpeg, [...args, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 28 });
}

/** An image file's pixels as raw RGB bytes. */
export function imageRgb(file: string): Buffer {
  return execFileSync(ffmpeg, ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    maxBuffer: 1 << 28,
  });
}

/** Makes a PNG from an ffmpeg lavfi source, such as `testsrc=s=320x240` or `color=c=red:s=64x64`. */
export function makePng(file: string, lavfi: string): string {
  execFileSync(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', lavfi, '-frames:v', '1', file]);
  return file;
}

/** A PNG file as the LoadedImage core would hand over. */
export function loadPng(file: string, width: number, height: number): LoadedImage {
  return { kind: 'bytes', bytes: readFileSync(file), mediaType: 'image/png', width, height, source: file };
}

/** Mean absolute difference of two equally long byte buffers (0 = identical, 255 = opposite). */
export function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new Error(`sizes differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}
