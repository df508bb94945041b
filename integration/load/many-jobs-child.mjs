// Runs many generateVideo calls at once in this process, with the BUILT packages, against the
// loopback Runway fake the parent started; meant to run under a lowered open-file limit
// (`sh -c 'ulimit -n 1024 && exec node many-jobs-child.mjs ...'`). Prints one line:
// `SUMMARY {json}` with the failures, the open-file limit it ran under, the longest event-loop
// stall and the peak RSS. argv[2]: JSON { url, jobs, dir }.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { generateVideo } from '@video-gen/core';
import { createRunway } from '@video-gen/provider-runway';

const { url, jobs, dir } = JSON.parse(process.argv[2]);
const openFileLimit = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
const provider = createRunway({ apiKey: 'test', baseURL: url, pollIntervalMs: 0 });

const stall = monitorEventLoopDelay({ resolution: 10 });
stall.enable();
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
// The longest gap between two ticks of a 10 ms timer, and the CPU this process used during it: a
// gap much longer than its CPU is time spent waiting for a core, not work of this process.
let lastTick = performance.now();
let lastCpu = process.cpuUsage();
let longestGap = { ms: 0, cpuMs: 0 };
const ticker = setInterval(() => {
  const now = performance.now();
  const cpu = process.cpuUsage();
  const ms = now - lastTick;
  if (ms > longestGap.ms) {
    longestGap = { ms, cpuMs: (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000 };
  }
  lastTick = now;
  lastCpu = cpu;
}, 10);
const started = performance.now();
const outcomes = await Promise.allSettled(
  Array.from({ length: jobs }, (_, i) =>
    generateVideo({
      provider,
      model: 'veo3.1_fast',
      prompt: `many ${i}`,
      durationSeconds: 4,
      outPath: path.join(dir, `${i}.mp4`),
      allowLoopbackDownloads: true,
      ledger: path.join(dir, 'ledger'),
      poll: { initialIntervalMs: 200, maxIntervalMs: 1_000 },
    }),
  ),
);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
clearInterval(ticker);
stall.disable();
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const failures = outcomes
  .map((outcome, i) => (outcome.status === 'rejected' ? `${i}: ${String(outcome.reason)}` : undefined))
  .filter((failure) => failure !== undefined);
const finished = outcomes.filter(
  (outcome, i) =>
    outcome.status === 'fulfilled' &&
    existsSync(path.join(dir, `${i}.mp4`)) &&
    readFileSync(path.join(dir, `${i}.mp4`))
      .subarray(4, 8)
      .toString('latin1') === 'ftyp',
).length;
console.log(
  `SUMMARY ${JSON.stringify({
    jobs,
    finished,
    failures: failures.slice(0, 20),
    failureCount: failures.length,
    openFileLimit,
    maxStallMs: stall.max / 1e6,
    longestGap,
    peakRssMiB: peakRss / 1048576,
    seconds,
  })}`,
);
