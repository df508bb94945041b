// One download in a fresh process, for bench/download-memory.bench.mjs: argv[2] is the mode,
// `ours` (downloadToFile to argv[4]), `bare-fetch` (a bare fetch() whose body is read and thrown
// away) or `fetch-to-file` (the simplest download through fetch: each chunk written to argv[4] as
// it comes, synchronously: the floor of any download built on the runtime's fetch), argv[3] the
// URL, argv[5] the expected size. Prints one JSON line: the
// seconds the transfer took, the CPU this process used for it (user + system), and the process's
// peak RSS (getrusage maxrss: the true peak, not a sample), after a 1 MiB warm-up of the same path.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { downloadToFile } from '@video-gen/core';

const [mode, url, file, size] = process.argv.slice(2);
const bytes = Number(size);

async function once(target, total) {
  if (mode === 'ours') {
    rmSync(file, { force: true });
    await downloadToFile({ type: 'url', url: target, size: total }, file, {
      allowLoopback: true,
      maxBytes: total,
    });
    return;
  }
  const response = await fetch(target);
  const reader = response.body.getReader();
  const fd = mode === 'fetch-to-file' ? openSync(file, 'w') : undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (fd !== undefined) writeSync(fd, value);
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const warmUp = new URL(url);
warmUp.searchParams.set('bytes', String(1024 * 1024));
await once(warmUp.href, 1024 * 1024);
const cpu = process.cpuUsage();
const started = performance.now();
await once(url, bytes);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
