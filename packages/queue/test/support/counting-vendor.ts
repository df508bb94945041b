// A vendor fake whose jobs live in files, so worker processes and the test share them: it logs every
// submit with its idempotency key and time, finishes a job `durationMs` after its submit, and logs cancels.
import {
  appendFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ModelInfo, VideoProvider } from '@video-gen/core';

const model: ModelInfo = {
  id: 'count-1',
  name: 'Counting fake',
  durations: [4],
  defaultDurationSeconds: 4,
  sizes: [{ width: 320, height: 240 }],
  defaultSize: { width: 320, height: 240 },
  fps: [24],
  defaultFps: 24,
  images: {
    firstFrame: false,
    lastFrame: false,
    maxReferenceImages: 0,
    mediaTypes: ['image/png'],
    imagesAs: 'references',
  },
  audio: 'none',
  seed: false,
  negativePrompt: false,
  maxPromptLength: 1000,
};

export interface SubmitEntry {
  readonly key: string;
  readonly id: string;
  readonly at: number;
}

/** Every submit the vendor saw, across processes. */
export function submits(stateDir: string): SubmitEntry[] {
  const log = path.join(stateDir, 'submits.log');
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SubmitEntry);
}

/** The idempotency keys for which the vendor created a (paid) job, one line per job created. */
export function created(stateDir: string): string[] {
  const log = path.join(stateDir, 'created.log');
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
}

/** The job ids cancelled at the vendor. */
export function cancels(stateDir: string): string[] {
  const log = path.join(stateDir, 'cancels.log');
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
}

/** The most jobs the vendor had running at once (from submit to its finish). */
export function maxRunning(stateDir: string, durationMs: number): number {
  // A repeated submit with the same key is the same vendor job: its first submit counts.
  const first = new Map<string, SubmitEntry>();
  for (const entry of submits(stateDir)) if (!first.has(entry.key)) first.set(entry.key, entry);
  const events = [...first.values()].flatMap((entry) => [
    { at: entry.at, delta: 1 },
    { at: entry.at + durationMs, delta: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let running = 0;
  let most = 0;
  for (const event of events) {
    running += event.delta;
    most = Math.max(most, running);
  }
  return most;
}

export function countingVendor(stateDir: string, videoPath: string, durationMs: number): VideoProvider {
  mkdirSync(stateDir, { recursive: true });
  const jobFile = (id: string) => path.join(stateDir, `${id}.job`);
  return {
    id: 'counting',
    models: [model],
    polling: { budgetIntervalMs: 0 },
    async submit(request) {
      const id = `job-${request.idempotencyKey}`;
      appendFileSync(
        path.join(stateDir, 'submits.log'),
        `${JSON.stringify({ key: request.idempotencyKey, id, at: Date.now() })}\n`,
      );
      // The vendor deduplicates by the key: a repeated submit answers with the job it made the first time.
      if (!existsSync(jobFile(id))) {
        writeFileSync(jobFile(id), String(Date.now()));
        appendFileSync(path.join(stateDir, 'created.log'), `${request.idempotencyKey}\n`);
      }
      return { provider: 'counting', model: request.model.id, id, createdAt: new Date().toISOString() };
    },
    async status(job) {
      if (existsSync(`${jobFile(job.id)}.cancelled`)) return { state: 'cancelled' };
      const started = Number(readFileSync(jobFile(job.id), 'utf8'));
      return Date.now() - started >= durationMs
        ? { state: 'succeeded' }
        : { state: 'running', progress: (Date.now() - started) / durationMs, retryAfterMs: 50 };
    },
    async download() {
      return {
        type: 'stream',
        body: Readable.toWeb(createReadStream(videoPath)) as ReadableStream<Uint8Array>,
      };
    },
    async cancel(job) {
      appendFileSync(path.join(stateDir, 'cancels.log'), `${job.id}\n`);
      writeFileSync(`${jobFile(job.id)}.cancelled`, '');
    },
  };
}
