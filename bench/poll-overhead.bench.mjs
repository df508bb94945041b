// How soon a finished job is noticed, and at what cost in status requests: generateVideo against
// the vendor SDK used by hand, on the same loopback stand-in (bench/lib/timed-runway-server.mjs, the
// Runway wire format) with the same job times. All pollers run at once, so machine noise is shared.
//
// Pollers, each given every job time in BENCH_POLL_JOBS_MS (default 6.5, 9.2, 12.7, 16.3, 19.6 s):
// - generateVideo + createRunway with its defaults (the provider hints core to poll every 5 s);
// - generateVideo with core's own schedule (createRunway pollIntervalMs: 0): 1 s, ×1.5, up to 15 s;
// - @runwayml/sdk by hand: sleep, tasks.retrieve, repeat, at a fixed 5 s and a fixed 10 s;
// - @runwayml/sdk's own waitForTaskOutput() (6 s ± 1.5 s);
// - a proposed schedule, prototyped here by wrapping the provider (not in the library): no poll
//   right after submit, then aim the next poll at the finish the vendor's progress predicts.
//
// "Noticed" is measured by the server: from the moment the task finishes to the first fetch that
// answers SUCCEEDED. Status requests are the task fetches up to and including that one (generateVideo
// makes one more afterwards, to read a fresh output URL for the download).
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import RunwayML from '@runwayml/sdk';
import { generateVideo } from '@video-gen/core';
import { createRunway } from '@video-gen/provider-runway';
import { median, report } from './lib/result.mjs';
import { startTimedRunwayServer } from './lib/timed-runway-server.mjs';

// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark setting, not an input of a turbo task
const JOBS_MS = (process.env.BENCH_POLL_JOBS_MS || '6500,9200,12700,16300,19600').split(',').map(Number);
const MAX_POLLS = 200; // bounds every by-hand loop
const TARGET_LAG_S = 1;

const server = await startTimedRunwayServer();
const dir = await mkdtemp(join(tmpdir(), 'video-gen-poll-'));
const client = new RunwayML({ apiKey: 'test', baseURL: server.url, maxRetries: 0, logLevel: 'off' });

/** The proposed schedule, as a provider wrapper: see the header. */
function aimAtFinish(provider) {
  const seen = new Set();
  return {
    ...provider,
    async status(job, ctx) {
      if (!seen.has(job.id)) {
        // Nothing finishes the instant it is submitted: the first real poll waits a second.
        seen.add(job.id);
        return { state: 'queued', retryAfterMs: 1_000 };
      }
      const status = await provider.status(job, ctx);
      if (status.state === 'running' && status.progress > 0) {
        const elapsed = Date.now() - Date.parse(job.createdAt);
        const left = (elapsed * (1 - status.progress)) / status.progress;
        return { ...status, retryAfterMs: Math.min(15_000, Math.max(500, left + 250)) };
      }
      return status;
    },
  };
}

const viaCore = (provider) => async (prompt, outPath) => {
  await generateVideo({
    provider,
    model: 'veo3.1',
    prompt,
    durationSeconds: 4,
    outPath,
    ledger: false,
    allowLoopbackDownloads: true,
  });
};

const byHand = (intervalMs) => async (prompt, outPath) => {
  const { id } = await client.textToVideo.create({
    model: 'veo3.1',
    promptText: prompt,
    ratio: '1280:720',
    duration: 4,
  });
  let task;
  for (let i = 0; i < MAX_POLLS; i++) {
    await sleep(intervalMs);
    task = await client.tasks.retrieve(id);
    if (task.status === 'SUCCEEDED' || task.status === 'FAILED') break;
  }
  await saveOutput(task, outPath);
};

const sdkWait = async (prompt, outPath) => {
  const task = await client.textToVideo
    .create({ model: 'veo3.1', promptText: prompt, ratio: '1280:720', duration: 4 })
    .waitForTaskOutput({ timeout: 120_000 });
  await saveOutput(task, outPath);
};

async function saveOutput(task, outPath) {
  if (task?.status !== 'SUCCEEDED') throw new Error(`task ended ${task?.status}`);
  const response = await fetch(task.output[0]);
  await pipeline(Readable.fromWeb(response.body), createWriteStream(outPath));
}

const pollers = [
  {
    name: 'generateVideo + createRunway defaults (5 s hint)',
    run: viaCore(createRunway({ apiKey: 'test', baseURL: server.url })),
    target: true,
  },
  {
    name: 'generateVideo, core schedule (1 s ×1.5 ≤ 15 s)',
    run: viaCore(createRunway({ apiKey: 'test', baseURL: server.url, pollIntervalMs: 0 })),
    target: true,
  },
  { name: 'SDK by hand, fixed 5 s', run: byHand(5_000), baseline: true },
  { name: 'SDK by hand, fixed 10 s', run: byHand(10_000) },
  { name: 'SDK waitForTaskOutput (6 s ± 1.5 s)', run: sdkWait },
  {
    name: 'proposed: progress-aimed schedule (bench prototype, not shipped)',
    run: viaCore(aimAtFinish(createRunway({ apiKey: 'test', baseURL: server.url, pollIntervalMs: 0 }))),
    target: true,
  },
];

const started = performance.now();
const runs = pollers.flatMap((poller, p) =>
  JOBS_MS.map(async (ms, j) => {
    const prompt = `poller ${p} job ${j} ${ms}ms`;
    const t0 = performance.now();
    await poller.run(prompt, join(dir, `${p}-${j}.mp4`));
    return { poller: p, ms, wallMs: performance.now() - t0, prompt };
  }),
);
const outcomes = await Promise.allSettled(runs);
const seconds = (performance.now() - started) / 1000;
await server.close();
await rm(dir, { recursive: true, force: true });

const failed = outcomes.filter((outcome) => outcome.status === 'rejected');
if (failed.length > 0) {
  console.error(`FAIL: ${failed.length} runs failed, e.g.`, failed[0].reason);
  process.exit(1);
}
const byPrompt = new Map([...server.tasks.values()].map((task) => [task.prompt, task]));
const rows = pollers.map((poller, p) => {
  const jobs = outcomes
    .map((outcome) => outcome.value)
    .filter((run) => run.poller === p)
    .map((run) => {
      const task = byPrompt.get(run.prompt);
      return {
        lagS: (task.noticedAt - task.finishAt) / 1000,
        requests: task.fetches.filter((fetch) => fetch.at <= task.noticedAt).length,
        overheadS: (run.wallMs - run.ms) / 1000,
      };
    });
  return {
    ...poller,
    lags: jobs.map((job) => job.lagS),
    medianLagS: median(jobs.map((job) => job.lagS)),
    requests: jobs.reduce((sum, job) => sum + job.requests, 0),
    perJob: jobs.map((job) => job.requests),
    medianOverheadS: median(jobs.map((job) => job.overheadS)),
  };
});
const baseline = rows.find((row) => row.baseline);

console.log(
  `job times: ${JOBS_MS.map((ms) => `${ms / 1000} s`).join(', ')}; all pollers ran at once in ${seconds.toFixed(1)} s`,
);
for (const row of rows) {
  console.log(
    `${row.name}: noticed after ${row.lags.map((s) => s.toFixed(2)).join(', ')} s (median ${row.medianLagS.toFixed(2)} s); ` +
      `status requests ${row.perJob.join('+')} = ${row.requests}; submit→done minus job time, median ${row.medianOverheadS.toFixed(2)} s`,
  );
}

report(
  'poll-overhead',
  rows.flatMap((row) => {
    const lagMet = row.target ? row.medianLagS <= TARGET_LAG_S : null;
    const reqMet = row.target ? row.requests <= baseline.requests : null;
    return [
      {
        metric: `${row.name}: completion noticed after (median)`,
        value: row.medianLagS,
        unit: 's',
        target: row.target ? `≤ ${TARGET_LAG_S} s` : '',
        met: lagMet,
      },
      {
        metric: `${row.name}: status requests, ${JOBS_MS.length} jobs`,
        value: row.requests,
        target: row.target ? `≤ ${baseline.requests} (fixed 5 s)` : '',
        met: reqMet,
      },
    ];
  }),
);
