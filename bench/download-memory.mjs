// Measures that downloadToFile streams in constant memory: a loopback server sends a large body
// (1 GiB by default, generated on the fly, never held in memory), downloadToFile writes it to a
// temp file, and the process's peak RSS is compared with a fixed budget.
//
//   npm run build && node bench/download-memory.mjs
//   BENCH_DOWNLOAD_BYTES=268435456 node bench/download-memory.mjs   # 256 MiB
//
// Exits 1 when the peak RSS exceeds RSS_LIMIT_MIB or the file has the wrong size.

import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadToFile } from '@video-gen/core';

const MiB = 1024 * 1024;
const RSS_LIMIT_MIB = 150;
const SAMPLE_EVERY_MS = 50;
const TOTAL_BYTES = Number(process.env.BENCH_DOWNLOAD_BYTES ?? 1024 * MiB);

if (!Number.isSafeInteger(TOTAL_BYTES) || TOTAL_BYTES < 12) {
  console.error(`BENCH_DOWNLOAD_BYTES must be a whole number of bytes (at least 12), got ${process.env.BENCH_DOWNLOAD_BYTES}`);
  process.exit(2);
}

/** One reused chunk, starting like an MP4 box so the body is plausible; the server sends it over and over. */
const CHUNK = Buffer.alloc(MiB, 0x5a);
Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]).copy(CHUNK);

/** Streams TOTAL_BYTES with Content-Length, honouring backpressure so the server holds one chunk at most. */
function serve(_req, res) {
  res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': TOTAL_BYTES });
  let sent = 0;
  const pump = () => {
    while (sent < TOTAL_BYTES) {
      const n = Math.min(CHUNK.length, TOTAL_BYTES - sent);
      sent += n;
      const more = res.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n));
      if (!more) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

const server = createServer(serve);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/video.mp4`;

const dir = await mkdtemp(join(tmpdir(), 'video-gen-bench-'));
const partPath = join(dir, 'video.mp4.part');

const baselineRss = process.memoryUsage().rss;
let peakRss = baselineRss;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, SAMPLE_EVERY_MS);

let exitCode = 0;
const started = performance.now();
try {
  const { bytes } = await downloadToFile({ type: 'url', url, size: TOTAL_BYTES }, partPath, {
    allowLoopback: true,
    maxBytes: TOTAL_BYTES,
  });
  sample();
  const seconds = (performance.now() - started) / 1000;
  const onDisk = (await stat(partPath)).size;
  const mib = (n) => (n / MiB).toFixed(1);
  console.log(`downloadToFile: ${mib(bytes)} MiB in ${seconds.toFixed(2)} s = ${(bytes / MiB / seconds).toFixed(0)} MiB/s`);
  console.log(`RSS: baseline ${mib(baselineRss)} MiB, peak ${mib(peakRss)} MiB (limit ${RSS_LIMIT_MIB} MiB)`);
  if (bytes !== TOTAL_BYTES || onDisk !== TOTAL_BYTES) {
    console.error(`FAIL: expected ${TOTAL_BYTES} bytes, got ${bytes} (file: ${onDisk})`);
    exitCode = 1;
  }
  if (peakRss > RSS_LIMIT_MIB * MiB) {
    console.error(`FAIL: peak RSS ${mib(peakRss)} MiB is over the ${RSS_LIMIT_MIB} MiB limit`);
    exitCode = 1;
  }
} catch (error) {
  console.error('FAIL: the download threw', error);
  exitCode = 1;
} finally {
  clearInterval(sampler);
  server.closeAllConnections();
  server.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(exitCode);
