// 200 concurrent generateVideo calls against a vendor stand-in that rate-limits (429 with
// Retry-After when more than 40 calls start within 100 ms). Reports throughput, 429s absorbed and
// peak RSS; fails if any generation fails.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVideo, RateLimitError } from '@video-gen/core';

// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark setting, not an input of a turbo task
const JOBS = Number(process.env.BENCH_LOAD_JOBS || 200);
const VIDEO = new Uint8Array(256 * 1024);
VIDEO.set([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]);
const model = {
  id: 'bench-1',
  name: 'Bench',
  durations: [4],
  defaultDurationSeconds: 4,
  sizes: [{ width: 1280, height: 720 }],
  defaultSize: { width: 1280, height: 720 },
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

const stats = { calls: 0, rejected: 0 };
const recent = [];
const polls = new Map();
async function gate(work) {
  stats.calls++;
  const now = Date.now();
  while (recent.length > 0 && recent[0] < now - 100) recent.shift();
  if (recent.length >= 40) {
    stats.rejected++;
    throw new RateLimitError('Too many requests', { retryAfterMs: 50, provider: 'bench' });
  }
  recent.push(now);
  await new Promise((resolve) => setTimeout(resolve, 5));
  return work();
}
const provider = {
  id: 'bench',
  models: [model],
  submit: (request) =>
    gate(() => ({
      provider: 'bench',
      model: model.id,
      id: request.idempotencyKey,
      createdAt: new Date().toISOString(),
    })),
  status: (job) =>
    gate(() => {
      const count = (polls.get(job.id) ?? 0) + 1;
      polls.set(job.id, count);
      return count < 3 ? { state: 'running', progress: count / 3, retryAfterMs: 20 } : { state: 'succeeded' };
    }),
  download: () => gate(() => ({ type: 'stream', body: new Blob([VIDEO]).stream(), size: VIDEO.length })),
};

const dir = await mkdtemp(join(tmpdir(), 'video-gen-load-'));
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
const started = performance.now();
const outcomes = await Promise.allSettled(
  Array.from({ length: JOBS }, (_, i) =>
    generateVideo({
      provider,
      prompt: `clip ${i}`,
      outPath: join(dir, `${i}.mp4`),
      ledger: false,
      poll: { initialIntervalMs: 20 },
      retry: { minDelayMs: 20, maxDelayMs: 500 },
    }),
  ),
);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
await rm(dir, { recursive: true, force: true });
const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
console.log(
  `load: ${JOBS} generations in ${seconds.toFixed(2)} s = ${(JOBS / seconds).toFixed(1)}/s; ${stats.calls} vendor calls, ${stats.rejected} answered 429 and absorbed; peak RSS ${(peakRss / 1048576).toFixed(1)} MiB`,
);
if (failed.length > 0) {
  console.error(`FAIL: ${failed.length} generations failed, e.g. ${failed[0].reason}`);
  process.exit(1);
}
