// Measures that downloadToFile streams in constant memory: a loopback server sends a large body
// (1 GiB by default, generated on the fly from one reused chunk), downloadToFile writes it to a
// temp file, and RSS is sampled every 50 ms throughout.
//
//   npm run bench                                               # builds, then runs this
//   BENCH_DOWNLOAD_BYTES=268435456 node bench/download-memory.bench.mjs  # 256 MiB
//
// Pass/fail: the RSS the download adds to the warmed-up process (Node, @video-gen/core and fetch
// loaded, about 80 MiB on Node 24) must stay under BENCH_RSS_LIMIT_MIB (default 150). The server runs
// in its own process so its buffers are not counted. The absolute peak is printed too; see
// bench/README.md for why the check is on growth (V8 grows its young generation to ~90 MiB under
// any high allocation rate, a constant that does not scale with the body's size).
// Exits 1 on failure or when the file has the wrong size.

import { fork } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadToFile } from '@video-gen/core';

const MiB = 1024 * 1024;
const SAMPLE_EVERY_MS = 50;
// The bench runs after `turbo run build`, not as a turbo task, so turbo's cache never sees these.
const { BENCH_DOWNLOAD_BYTES, BENCH_RSS_LIMIT_MIB } = process.env;
const TOTAL_BYTES = Number(BENCH_DOWNLOAD_BYTES || 1024 * MiB);
const RSS_LIMIT_MIB = Number(BENCH_RSS_LIMIT_MIB || 150);
const WARM_UP_BYTES = MiB;

if (!Number.isSafeInteger(TOTAL_BYTES) || TOTAL_BYTES < 12) {
  console.error(
    `BENCH_DOWNLOAD_BYTES must be a whole number of bytes (at least 12), got ${BENCH_DOWNLOAD_BYTES}`,
  );
  process.exit(2);
}

const mib = (n) => (n / MiB).toFixed(1);
// The server runs in its own process, so its send buffers are not counted as the download's memory.
const server = fork(fileURLToPath(new URL('./loopback-video-server.mjs', import.meta.url)), {
  stdio: 'inherit',
});
const port = await new Promise((resolve, reject) => {
  server.once('message', resolve);
  server.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
});
const origin = `http://127.0.0.1:${port}`;
const dir = await mkdtemp(join(tmpdir(), 'video-gen-bench-'));
const partPath = join(dir, 'video.mp4.part');

let exitCode = 0;
let sampler;
try {
  // Warm up: the first fetch loads undici and compiles its parser; that one-off cost is not the download's.
  await downloadToFile({ type: 'url', url: `${origin}/warm-up?bytes=${WARM_UP_BYTES}` }, partPath, {
    allowLoopback: true,
  });
  await rm(partPath, { force: true });

  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  sampler = setInterval(sample, SAMPLE_EVERY_MS);

  const started = performance.now();
  const { bytes } = await downloadToFile(
    { type: 'url', url: `${origin}/video.mp4?bytes=${TOTAL_BYTES}`, size: TOTAL_BYTES },
    partPath,
    { allowLoopback: true, maxBytes: TOTAL_BYTES },
  );
  sample();
  const seconds = (performance.now() - started) / 1000;
  const onDisk = (await stat(partPath)).size;
  const growth = peakRss - baselineRss;

  console.log(
    `downloadToFile: ${mib(bytes)} MiB in ${seconds.toFixed(2)} s = ${(bytes / MiB / seconds).toFixed(0)} MiB/s`,
  );
  console.log(
    `RSS: ${mib(baselineRss)} MiB before, peak ${mib(peakRss)} MiB, growth ${mib(growth)} MiB (limit ${RSS_LIMIT_MIB} MiB)`,
  );
  if (bytes !== TOTAL_BYTES || onDisk !== TOTAL_BYTES) {
    console.error(`FAIL: expected ${TOTAL_BYTES} bytes, got ${bytes} (on disk: ${onDisk})`);
    exitCode = 1;
  }
  if (growth > RSS_LIMIT_MIB * MiB) {
    console.error(
      `FAIL: RSS grew by ${mib(growth)} MiB during the download, over the ${RSS_LIMIT_MIB} MiB limit`,
    );
    exitCode = 1;
  }
} catch (error) {
  console.error('FAIL: the download threw', error);
  exitCode = 1;
} finally {
  clearInterval(sampler);
  server.kill();
  await rm(dir, { recursive: true, force: true });
}
process.exit(exitCode);
