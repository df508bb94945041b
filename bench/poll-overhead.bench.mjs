// How soon a finished job is noticed, and at what cost in status requests: core's poll loop
// (packages/core/src/lifecycle/poll-job.ts, bundled from source with esbuild so the shipped code is
// what runs) against a simulated vendor on a simulated clock, next to the pollers people use.
//
// Jobs take 30–300 s, off the 5 s grid (BENCH_POLL_JOBS per curve, default 80). Progress curves:
// linear; queued first (no progress for 30 %, then linear); slow start (quadratic); stalled at 99 %
// (linear to 99 % at 80 %, then stuck); no progress (the model's duration prior places the polls:
// each job takes its model's typical time ±25 %). The vendor reports whole percents. The clock
// jumps over every sleep, so five simulated hours run in a second; requests take no time.
//
// Anchors, on the same jobs: a fixed 5 s poller (first request 5 s after submit); openai's polling
// helper (openai/lib/polling.js pollWithResponse: a request right away, then every 5 s unless the
// server sends openai-poll-after-ms; openai 7.57 has no videos.createAndPoll); @runwayml/sdk's
// waitForTaskOutput (lib/polling.js: 6 s ± 1.5 s before each fetch, the first included); and
// core's previous schedule (1 s, ×1.5, up to 15 s, a request right after submit).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { median, report } from './lib/result.mjs';

// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark setting, not an input of a turbo task
const JOBS = Number(process.env.BENCH_POLL_JOBS || 80);
const BUDGET_MS = 5_000;
const TARGET_WITH_PROGRESS_S = 1;
const TARGET_WITHOUT_PROGRESS_S = 2;

const here = path.dirname(fileURLToPath(import.meta.url));
const bundled = await build({
  entryPoints: [path.join(here, '../packages/core/src/lifecycle/poll-job.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'error',
});
const { pollUntilDone } = await import(
  `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`
);

/** mulberry32: the same jobs and jitter on every run. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Progress at `t` ms of a job of `d` ms; `undefined` when the vendor reports none (yet). */
const CURVES = {
  linear: (t, d) => t / d,
  'queued first': (t, d) => (t < 0.3 * d ? undefined : (t - 0.3 * d) / (0.7 * d)),
  'slow start': (t, d) => (t / d) ** 2,
  'stalled at 99 %': (t, d) => Math.min(0.99, t / (0.8 * d)),
  'no progress': () => undefined,
};
const WITH_PROGRESS = ['linear', 'queued first', 'slow start', 'stalled at 99 %'];

/** The jobs of one curve: durations 30–300 s off the 5 s grid, and the model prior of each. */
function jobsOf(curve, random) {
  return Array.from({ length: JOBS }, () => {
    const typical = 30_000 + random() * 270_000;
    const durationMs =
      curve === 'no progress'
        ? Math.min(300_000, Math.max(30_000, typical * Math.exp((random() * 2 - 1) * 0.25)))
        : typical;
    return { durationMs: Math.round(durationMs) + 370, typicalMs: Math.round(typical) };
  });
}

const T0 = Date.parse('2026-06-01T12:00:00Z');
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** One job through core's poll loop on a simulated clock; returns when it was noticed and the requests. */
async function viaCore(curve, job, random) {
  let now = T0;
  let requests = 0;
  const clock = {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    random,
  };
  const model = { id: 'sim-1', typicalDurationMs: job.typicalMs };
  const provider = {
    id: 'sim',
    models: [model],
    async status() {
      requests++;
      const t = now - T0;
      if (t >= job.durationMs) return { state: 'succeeded' };
      const p = CURVES[curve](t, job.durationMs);
      return p === undefined
        ? { state: curve === 'queued first' ? 'queued' : 'running' }
        : { state: 'running', progress: Math.floor(p * 100) / 100 };
    },
  };
  const run = {
    provider,
    model: 'sim-1',
    settings: { ledger: false, poll: { budgetIntervalMs: BUDGET_MS } },
    context: { signal: new AbortController().signal, logger: quiet, fetch: globalThis.fetch },
    logger: quiet,
    startedAt: T0,
    vendorCall: (call) => call(),
    emit() {},
    clock,
  };
  const jobRef = { provider: 'sim', model: 'sim-1', id: 'j', createdAt: new Date(T0).toISOString() };
  await pollUntilDone(run, jobRef, true);
  return { lagMs: now - T0 - job.durationMs, requests };
}

/** A poller that waits `waits(k, random)` before request k (1-based) from submit. */
function byWaits(waits) {
  return (job, random) => {
    let t = 0;
    for (let k = 1; ; k++) {
      t += waits(k, random);
      if (t >= job.durationMs) return { lagMs: t - job.durationMs, requests: k };
    }
  };
}
const ANCHORS = [
  { name: 'fixed 5 s poller', run: byWaits(() => 5_000) },
  { name: 'openai polling helper (now, then every 5 s)', run: byWaits((k) => (k === 1 ? 0 : 5_000)) },
  {
    name: 'runway waitForTaskOutput (6 s ± 1.5 s)',
    run: byWaits((_, random) => 6_000 + (random() - 0.5) * 3_000),
  },
  {
    name: 'previous core schedule (now, 1 s ×1.5 ≤ 15 s)',
    run: byWaits((k) => (k === 1 ? 0 : Math.min(15_000, 1_000 * 1.5 ** (k - 2)))),
  },
];

const percentile = (values, share) =>
  [...values].sort((a, b) => a - b)[Math.floor(share * (values.length - 1))];
const started = performance.now();
const random = seeded(16);
const results = {};
for (const curve of Object.keys(CURVES)) {
  const jobs = jobsOf(curve, random);
  const core = [];
  for (const job of jobs)
    core.push({ ...(await viaCore(curve, job, random)), fixed: Math.ceil(job.durationMs / BUDGET_MS) });
  const anchors = ANCHORS.map((anchor) => jobs.map((job) => anchor.run(job, random)));
  results[curve] = { core, anchors };
}
const seconds = (performance.now() - started) / 1000;

const lags = (runs) => runs.map((run) => run.lagMs / 1000);
const pooled = (curves, pick) => curves.flatMap((curve) => pick(results[curve]));
const coreAll = Object.values(results).flatMap((r) => r.core);
const overBudget = coreAll.filter((run) => run.requests > run.fixed).length;
const worstRatio = Math.max(...coreAll.map((run) => run.requests / run.fixed));
const ratioOf = (runs, jobsFixed) => runs.reduce((sum, run) => sum + run.requests, 0) / jobsFixed;
const fixedTotal = coreAll.reduce((sum, run) => sum + run.fixed, 0);

const withProgress = lags(pooled(WITH_PROGRESS, (r) => r.core));
const withoutProgress = lags(results['no progress'].core);
console.log(
  `${Object.keys(CURVES).length} curves × ${JOBS} jobs of 30–300 s, simulated in ${seconds.toFixed(2)} s`,
);
const rows = [
  {
    metric: 'core schedule, vendor reports progress: completion noticed after (median)',
    value: median(withProgress),
    unit: 's',
    target: `≤ ${TARGET_WITH_PROGRESS_S} s`,
    met: median(withProgress) <= TARGET_WITH_PROGRESS_S,
  },
  {
    metric: 'core schedule, vendor reports progress: completion noticed after (p90)',
    value: percentile(withProgress, 0.9),
    unit: 's',
  },
  {
    metric: 'core schedule, no progress (duration prior): completion noticed after (median)',
    value: median(withoutProgress),
    unit: 's',
    target: `≤ ${TARGET_WITHOUT_PROGRESS_S} s`,
    met: median(withoutProgress) <= TARGET_WITHOUT_PROGRESS_S,
  },
  {
    metric: 'core schedule, no progress (duration prior): completion noticed after (p90)',
    value: percentile(withoutProgress, 0.9),
    unit: 's',
  },
  {
    metric: 'core schedule: jobs with more status requests than the fixed 5 s poller',
    value: overBudget,
    target: '0 (a guarantee)',
    met: overBudget === 0,
    note: `worst job ${worstRatio.toFixed(2)}× the fixed poller's requests`,
  },
  {
    metric: 'core schedule: status requests vs the fixed 5 s poller, all jobs',
    value: ratioOf(coreAll, fixedTotal),
    unit: '×',
    target: '≤ 1×',
    met: ratioOf(coreAll, fixedTotal) <= 1,
  },
];
for (const curve of Object.keys(CURVES)) {
  const curveLags = lags(results[curve].core);
  const fixed = results[curve].core.reduce((sum, run) => sum + run.fixed, 0);
  rows.push({
    metric: `core schedule, ${curve}: noticed after (median)`,
    value: median(curveLags),
    unit: 's',
    note: `p90 ${percentile(curveLags, 0.9).toFixed(2)} s; requests ${ratioOf(results[curve].core, fixed).toFixed(2)}× the fixed 5 s poller`,
  });
}
ANCHORS.forEach((anchor, a) => {
  const runs = Object.keys(CURVES).flatMap((curve) => results[curve].anchors[a]);
  const anchorLags = lags(runs);
  rows.push(
    {
      metric: `${anchor.name}: completion noticed after (median)`,
      value: median(anchorLags),
      unit: 's',
      note: `p90 ${percentile(anchorLags, 0.9).toFixed(2)} s`,
    },
    {
      metric: `${anchor.name}: status requests vs the fixed 5 s poller`,
      value: ratioOf(runs, fixedTotal),
      unit: '×',
    },
  );
});
for (const row of rows) {
  console.log(
    `${row.metric}: ${typeof row.value === 'number' ? row.value.toFixed(2) : row.value}${row.unit ? ` ${row.unit}` : ''}${row.note ? ` (${row.note})` : ''}`,
  );
}
report('poll-overhead', rows);
if (rows.some((row) => row.met === false)) process.exitCode = 1;
