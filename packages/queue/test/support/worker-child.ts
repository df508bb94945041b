// One queue worker in its own process, driving the counting vendor fake. Prints "submitted <id>" when
// a job of its own has its submit committed, so a test can SIGKILL it right after; on SIGTERM it
// stops taking jobs, finishes or hands back the ones in flight, and prints "stopped".
import { createVideoQueue, folderStorage } from '@video-gen/queue';
import pg from 'pg';
import { countingVendor } from './counting-vendor.ts';

const [connectionString, stateDir, videoPath, outDir, durationMs, concurrency = '1', limit = '2'] =
  process.argv.slice(2) as [string, string, string, string, string, string?, string?];
const queue = await createVideoQueue({ connectionString });
const watcher = new pg.Client({ connectionString });
watcher.on('error', () => {});
await watcher.connect();
const seen = new Set<string>();
const watch = setInterval(async () => {
  const { rows } = await watcher
    .query<{ id: string }>(`SELECT id FROM video_gen_jobs WHERE state = 'submitted' AND locked_by LIKE $1`, [
      `%:${process.pid}:%`,
    ])
    .catch(() => ({ rows: [] as { id: string }[] }));
  for (const { id } of rows) {
    if (!seen.has(id)) {
      seen.add(id);
      console.log(`submitted ${id}`);
    }
  }
}, 20);
const stop = new AbortController();
process.once('SIGTERM', () => stop.abort());
await queue.work({
  signal: stop.signal,
  concurrency: Number(concurrency),
  storage: folderStorage(outDir),
  providers: { counting: countingVendor(stateDir, videoPath, Number(durationMs)) },
  idempotentProviders: ['counting'],
  jobLimits: { counting: Number(limit) },
  idleMs: 50,
  shutdownGraceMs: 5_000,
});
clearInterval(watch);
await watcher.end().catch(() => {});
await queue.close();
console.log('stopped');
