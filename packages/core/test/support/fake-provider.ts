// A provider for lifecycle tests whose jobs live in files, so a child process and the test share them.
import {
  appendFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type {
  JobRef,
  JobStatus,
  ModelInfo,
  ResolvedRequest,
  VideoProvider,
  VideoSource,
} from '@video-gen/core';
import { GenerationFailedError } from '@video-gen/core';

export const fakeModels: ModelInfo[] = [
  {
    id: 'fake-1',
    name: 'Fake 1',
    durations: [4, 8],
    defaultDurationSeconds: 4,
    sizes: [
      { width: 1280, height: 720 },
      { width: 720, height: 1280 },
    ],
    defaultSize: { width: 1280, height: 720 },
    fps: [24],
    defaultFps: 24,
    images: {
      firstFrame: true,
      lastFrame: false,
      maxReferenceImages: 2,
      mediaTypes: ['image/png', 'image/jpeg', 'image/webp'],
      imagesAs: 'first-frame-then-references',
    },
    audio: 'none',
    seed: true,
    negativePrompt: false,
    maxPromptLength: 100,
  },
  {
    id: 'fake-text',
    name: 'Fake text-only',
    durations: { min: 1, max: 10, step: 1 },
    defaultDurationSeconds: 4,
    sizes: { minWidth: 16, maxWidth: 1920, minHeight: 16, maxHeight: 1080, multipleOf: 2 },
    defaultSize: { width: 640, height: 360 },
    fps: { min: 1, max: 60 },
    defaultFps: 24,
    images: {
      firstFrame: false,
      lastFrame: false,
      maxReferenceImages: 0,
      mediaTypes: ['image/png'],
      imagesAs: 'references',
    },
    audio: 'optional',
    seed: false,
    negativePrompt: true,
    maxPromptLength: 1000,
  },
];

export interface FakeProviderOptions {
  /** Folder holding the jobs and the submit log. */
  stateDir: string;
  /** The MP4 served as every job's video. */
  videoPath: string;
  /** Status calls answered `running` before `succeeded`. */
  pollsUntilDone?: number;
  /** Serve the video from this URL instead of a stream. */
  downloadUrl?: string;
  /** End jobs in failure. */
  fail?: boolean;
  /** Errors thrown by the next calls, in order, per operation. */
  errors?: { submit?: unknown[]; status?: unknown[]; download?: unknown[] };
  /** Milliseconds each status call sleeps, to keep a job in flight. */
  statusDelayMs?: number;
  /** Milliseconds between 4 KiB chunks of a streamed download. */
  chunkDelayMs?: number;
}

export interface FakeProvider extends VideoProvider {
  readonly calls: { submit: number; status: number; download: number; cancel: number };
  readonly lastRequest: ResolvedRequest | undefined;
}

/** How many submits were made against a state folder, across processes. */
export function submitCount(stateDir: string): number {
  const log = path.join(stateDir, 'submits.log');
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).length : 0;
}

export function createFakeProvider(options: FakeProviderOptions): FakeProvider {
  mkdirSync(options.stateDir, { recursive: true });
  const calls = { submit: 0, status: 0, download: 0, cancel: 0 };
  let lastRequest: ResolvedRequest | undefined;
  const takeError = (operation: 'submit' | 'status' | 'download') => {
    const queue = options.errors?.[operation];
    if (queue && queue.length > 0) throw queue.shift();
  };
  const jobFile = (id: string) => path.join(options.stateDir, `${id}.json`);
  return {
    id: 'fake',
    models: fakeModels,
    get calls() {
      return calls;
    },
    get lastRequest() {
      return lastRequest;
    },
    async submit(request, ctx) {
      calls.submit++;
      takeError('submit');
      ctx.signal.throwIfAborted();
      lastRequest = request;
      // Like vendors that honour an idempotency key: the same key never makes a second job.
      const id = `job-${request.idempotencyKey.slice(0, 8)}`;
      if (!existsSync(jobFile(id))) {
        appendFileSync(path.join(options.stateDir, 'submits.log'), `${id}\n`);
        writeFileSync(jobFile(id), JSON.stringify({ polls: 0 }));
      }
      return { provider: 'fake', model: request.model.id, id, createdAt: new Date().toISOString() };
    },
    async status(job: JobRef, ctx): Promise<JobStatus> {
      calls.status++;
      takeError('status');
      if (options.statusDelayMs) await new Promise((resolve) => setTimeout(resolve, options.statusDelayMs));
      ctx.signal.throwIfAborted();
      const state = JSON.parse(readFileSync(jobFile(job.id), 'utf8')) as { polls: number };
      state.polls++;
      writeFileSync(jobFile(job.id), JSON.stringify(state));
      if (state.polls <= (options.pollsUntilDone ?? 2)) {
        return {
          state: state.polls === 1 ? 'queued' : 'running',
          progress: state.polls / 4,
          retryAfterMs: 5,
        };
      }
      if (options.fail) {
        return {
          state: 'failed',
          error: new GenerationFailedError('The fake job failed.', { provider: 'fake', job }),
        };
      }
      return { state: 'succeeded', usage: { seconds: 4 } };
    },
    async download(): Promise<VideoSource> {
      calls.download++;
      takeError('download');
      if (options.downloadUrl) return { type: 'url', url: options.downloadUrl };
      const size = statSync(options.videoPath).size;
      if (options.chunkDelayMs) {
        const bytes = readFileSync(options.videoPath);
        let offset = 0;
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            await new Promise((resolve) => setTimeout(resolve, options.chunkDelayMs));
            controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + 4096)));
            offset += 4096;
            if (offset >= bytes.length) controller.close();
          },
        });
        return { type: 'stream', body, size };
      }
      return {
        type: 'stream',
        body: Readable.toWeb(
          createReadStream(options.videoPath, { highWaterMark: 4096 }),
        ) as ReadableStream<Uint8Array>,
        size,
      };
    },
    async cancel() {
      calls.cancel++;
    },
  };
}
