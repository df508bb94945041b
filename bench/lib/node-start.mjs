// What no library can go below: the time this machine takes to spawn Node and have it exit
// (`node -e 0`), measured the same way as the rows that quote it. Benches use it as the measured
// limit of a row whose target is out of reach here (see verdict.mjs).
import { spawnSync } from 'node:child_process';
import { median } from './result.mjs';

/** Median wall time in ms of `runs` spawns of `node -e 0`, from spawn to exit. */
export function nodeStartMs(runs) {
  const samples = Array.from({ length: runs }, () => {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['-e', '0']);
    if (run.status !== 0) throw new Error(`node -e 0 exited with ${run.status}`);
    return performance.now() - started;
  });
  return median(samples);
}
