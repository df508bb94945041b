// 1000 concurrent generateVideo calls in ONE process whose open-file limit is lowered to 1024
// (a child started with `sh -c 'ulimit -n 1024 && exec node ...'`), against the loopback Runway
// fake of @video-gen/testing running in this (parent) process, so the child's descriptors are its
// own: journals, locks, ledger records, part files and its client sockets. The child
// (integration/load/many-jobs-child.mjs, the same one the integration test runs) reports failures,
// the longest event-loop stall (monitorEventLoopDelay, 10 ms resolution) and its peak RSS.
// Targets (issue 16): 0 failures, stall ≤ 100 ms, peak RSS ≤ 500 MiB; exits 1 when one is missed.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRunwayLoopback } from '@video-gen/testing/loopback';
import { report } from './lib/result.mjs';

// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark setting, not an input of a turbo task
const JOBS = Number(process.env.BENCH_OPEN_FILES_JOBS || 1000);
const LIMIT = 1024;
const MAX_STALL_MS = 100;
const MAX_RSS_MIB = 500;
const child = fileURLToPath(new URL('../integration/load/many-jobs-child.mjs', import.meta.url));

// Side by side, a process that does nothing but run a 10 ms timer: its longest event-loop stall is
// what the machine's scheduling alone costs while the jobs run (on a shared, oversubscribed VM,
// a process can wait hundreds of milliseconds for a core).
const control = spawn(
  process.execPath,
  [
    '-e',
    `const h = require('node:perf_hooks').monitorEventLoopDelay({ resolution: 10 }); h.enable();
     setInterval(() => {}, 10);
     process.on('message', () => { process.send(h.max / 1e6); process.exit(0); });`,
  ],
  { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
);
const controlStallMs = () =>
  new Promise((resolve) => {
    control.once('message', resolve);
    control.send('stop');
  });

const upstream = await startRunwayLoopback({ apiKey: 'test' });
const dir = await mkdtemp(join(tmpdir(), 'video-gen-open-files-bench-'));
let summary;
try {
  summary = await new Promise((resolve, reject) => {
    execFile(
      'sh',
      [
        '-c',
        `ulimit -n ${LIMIT} && exec "$0" "$@"`,
        process.execPath,
        child,
        JSON.stringify({ url: upstream.url, jobs: JOBS, dir }),
      ],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((text) => text.startsWith('SUMMARY '));
        if (line) resolve(JSON.parse(line.slice('SUMMARY '.length)));
        else reject(new Error(`the child printed no summary (${error?.message ?? 'no error'}):\n${stderr}`));
      },
    );
  });
} finally {
  if (summary) summary.controlStallMs = await controlStallMs();
  control.kill();
  await upstream.close();
  await rm(dir, { recursive: true, force: true });
}
const submits = upstream.apiRequests('POST', '/v1/text_to_video').length;
const failed = summary.failureCount + (summary.jobs - summary.finished - summary.failureCount);
console.log(
  `open-files: ${JOBS} jobs under ulimit -n ${summary.openFileLimit} in ${summary.seconds.toFixed(1)} s: ${summary.finished} finished, ${summary.failureCount} failed, ${submits} submits; longest event-loop stall ${summary.maxStallMs.toFixed(0)} ms; peak RSS ${summary.peakRssMiB.toFixed(0)} MiB`,
);
for (const failure of summary.failures) console.error(`  ${failure}`);
const rows = [
  {
    metric: `${JOBS} jobs, ulimit -n ${summary.openFileLimit}: failures`,
    value: failed,
    target: '0',
    met: failed === 0 && submits === JOBS,
    note: `${submits} submits for ${JOBS} jobs`,
  },
  {
    metric: `${JOBS} jobs, ulimit -n ${summary.openFileLimit}: longest event-loop stall`,
    value: summary.maxStallMs,
    unit: 'ms',
    target: `≤ ${MAX_STALL_MS} ms`,
    met: summary.maxStallMs <= MAX_STALL_MS,
    // Out of reach only when the machine alone stalls an idle process past the target and this
    // process's own work during its longest stall stayed within it.
    ...(summary.maxStallMs > MAX_STALL_MS &&
    summary.controlStallMs > MAX_STALL_MS &&
    summary.longestGap.cpuMs <= MAX_STALL_MS
      ? {
          outOfReach: {
            reason: `the machine is oversubscribed: an idle process beside it stalled ${summary.controlStallMs.toFixed(0)} ms, and in the jobs' longest stall (${summary.longestGap.ms.toFixed(0)} ms) their process used ${summary.longestGap.cpuMs.toFixed(0)} ms of CPU, the rest waiting for a core`,
            limit: {
              metric: 'idle process beside it, longest event-loop stall',
              value: summary.controlStallMs,
              unit: 'ms',
            },
          },
        }
      : {}),
  },
  {
    metric: `${JOBS} jobs: CPU used by the process during its longest stall`,
    value: summary.longestGap.cpuMs,
    unit: 'ms',
  },
  {
    metric: 'idle process beside it: longest event-loop stall (the machine alone)',
    value: summary.controlStallMs,
    unit: 'ms',
  },
  {
    metric: `${JOBS} jobs, ulimit -n ${summary.openFileLimit}: peak RSS`,
    value: summary.peakRssMiB,
    unit: 'MiB',
    target: `≤ ${MAX_RSS_MIB} MiB`,
    met: summary.peakRssMiB <= MAX_RSS_MIB,
  },
  {
    metric: `${JOBS} jobs, ulimit -n ${summary.openFileLimit}: wall time`,
    value: summary.seconds,
    unit: 's',
  },
];
report('open-files', rows);
if (rows.some((row) => row.met === false && row.outOfReach === undefined)) process.exit(1);
