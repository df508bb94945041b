// One queue worker in its own process, driving the counting vendor fake; prints "submitted <id>" when a
// job's submit is committed, so a test can SIGKILL it right after.
import { createVideoQueue, folderStorage } from '@video-gen/queue';
import pg from 'pg';
import { countingVendor } from './counting-vendor.ts';

const [connectionString, stateDir, videoPath, outDir, durationMs] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const queue = await createVideoQueue({ connectionString });
const watcher = new pg.Client({ connectionString });
await watcher.connect();
const seen = new Set<string>();
setInterval(async () => {
  const { rows } = await watcher.query<{ id: string }>(
    `SELECT id FROM video_gen_jobs WHERE state = 'submitted'`,
  );
  for (const { id } of rows) {
    if (!seen.has(id)) {
      seen.add(id);
      console.log(`submitted ${id}`);
    }
  }
}, 20);
await queue.work({
  concurrency: 1,
  storage: folderStorage(outDir),
  providers: { counting: countingVendor(stateDir, videoPath, Number(durationMs)) },
  jobLimits: { counting: 2 },
  leaseMs: 1_500,
  idleMs: 50,
});
