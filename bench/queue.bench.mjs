// The job queue (@video-gen/queue) against one in-process loop, at a vendor latency of 2 s: N jobs
// through 4 queue workers (each its own connection pool, one job at a time, as 4 machines would run)
// against the same N jobs as a loop of `generateVideo` calls one after another, and one queue worker
// against that loop for the queue's own cost per job (claim, commits, NOTIFY, storage). An embedded
// Postgres in a temp folder holds the queue. BENCH_QUEUE_JOBS sets N (default 8);
// BENCH_QUEUE_LATENCY_MS the vendor latency (default 2000).
import { createReadStream } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { generateVideo } from '@video-gen/core';
import { createVideoQueue, folderStorage } from '@video-gen/queue';
import { tinyMp4Path } from '@video-gen/testing/loopback';
import { report } from './lib/result.mjs';

const { BENCH_QUEUE_JOBS, BENCH_QUEUE_LATENCY_MS } = process.env;
const JOBS = Number(BENCH_QUEUE_JOBS || 8);
const LATENCY_MS = Number(BENCH_QUEUE_LATENCY_MS || 2000);
const video = tinyMp4Path();

/** A vendor whose every job takes LATENCY_MS from submit to done. */
function vendor() {
  const started = new Map();
  return {
    id: 'bench',
    polling: { budgetIntervalMs: 0 },
    models: [
      {
        id: 'bench-1',
        name: 'Bench',
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
      },
    ],
    async submit(request) {
      const id = `bench-${request.idempotencyKey}`;
      if (!started.has(id)) started.set(id, Date.now());
      return { provider: 'bench', model: request.model.id, id, createdAt: new Date().toISOString() };
    },
    async status(job) {
      const left = LATENCY_MS - (Date.now() - (started.get(job.id) ?? 0));
      return left <= 0 ? { state: 'succeeded' } : { state: 'running', retryAfterMs: Math.min(left, 50) };
    },
    async download() {
      return { type: 'stream', body: Readable.toWeb(createReadStream(video)) };
    },
  };
}

const settings = { poll: { initialIntervalMs: 20 }, ledger: false };
const work = await mkdtemp(join(tmpdir(), 'video-gen-queue-bench-'));
await chmod(work, 0o755); // as root, Postgres runs as the postgres user
const queue = await createVideoQueue({ embedded: { dataDir: join(work, 'db') } });

async function loop() {
  const provider = vendor();
  const t0 = performance.now();
  for (let i = 0; i < JOBS; i++) {
    await generateVideo({
      provider,
      prompt: `loop ${i}`,
      outPath: join(work, 'loop', `${i}.mp4`),
      ...settings,
    });
  }
  return (performance.now() - t0) / 1000;
}

async function throughQueue(name, workers) {
  const ids = [];
  for (let i = 0; i < JOBS; i++) {
    ids.push(
      (await queue.enqueue({ provider: 'bench', prompt: `${name} ${i}` }, { key: `${name}-${i}` })).id,
    );
  }
  const stop = new AbortController();
  const t0 = performance.now();
  const running = Array.from({ length: workers }, async () => {
    const own = await createVideoQueue({ connectionString: queue.connectionString });
    try {
      await own.work({
        concurrency: 1,
        storage: folderStorage(join(work, name)),
        providers: { bench: vendor() },
        settings,
        idleMs: 20,
        signal: stop.signal,
      });
    } finally {
      await own.close();
    }
  });
  await Promise.all(ids.map((id) => queue.result(id)));
  const seconds = (performance.now() - t0) / 1000;
  stop.abort();
  await Promise.all(running);
  return seconds;
}

try {
  const loopSeconds = await loop();
  const oneSeconds = await throughQueue('one', 1);
  const fourSeconds = await throughQueue('four', 4);
  const speedup = loopSeconds / fourSeconds;
  const overheadMs = ((oneSeconds - loopSeconds) * 1000) / JOBS;
  report('queue', [
    {
      metric: `jobs/s, one in-process loop (${JOBS} jobs, vendor ${LATENCY_MS} ms)`,
      value: +(JOBS / loopSeconds).toFixed(3),
      unit: 'jobs/s',
    },
    { metric: 'jobs/s, 4 queue workers', value: +(JOBS / fourSeconds).toFixed(3), unit: 'jobs/s' },
    {
      metric: '4 queue workers vs the loop',
      value: +speedup.toFixed(2),
      unit: '×',
      target: '≥ 3×',
      met: speedup >= 3,
    },
    {
      metric: 'queue overhead per job (1 worker vs the loop)',
      value: Math.round(overheadMs),
      unit: 'ms',
      target: '≤ 250 ms',
      met: overheadMs <= 250,
    },
  ]);
} finally {
  await queue.close();
  await rm(work, { recursive: true, force: true });
}
