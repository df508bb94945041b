import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { JOB_FILES, jobFile, removeJob } from './local-job.js';

/**
 * Deletes the job folders whose video was delivered more than `keepFinishedMs` ago. Finished
 * renders are kept that long, like a vendor keeps a finished video for a while, so a lost output
 * can still be downloaded again (`downloadGeneration`) without rendering twice.
 */
export async function pruneReleasedJobs(
  jobsDir: string,
  keepFinishedMs: number,
  now = Date.now(),
): Promise<void> {
  let names: string[];
  try {
    names = await readdir(jobsDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const dir = path.join(jobsDir, name);
    const released = Number(await readFile(jobFile(dir, JOB_FILES.released), 'utf8').catch(() => ''));
    if (released > 0 && now - released >= keepFinishedMs) await removeJob(dir);
  }
}
