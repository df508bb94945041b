// How long the `video-gen` command takes from spawn to its first `submitting` event: Node's own
// start-up, loading the CLI and what the generate command needs, validating, up to the paid call.
//
// Each sample spawns `node packages/cli/bin/video-gen.js "<prompt>" --events` (the local provider,
// the default with no --backend, at a tiny size and 1 s) in a scratch folder with its own ledger,
// and times spawn → the `{"phase":"submitting"}` line on stdout; the job then runs to its end
// before the next sample (so samples do not compete for the 2 cores). Median of BENCH_CLI_RUNS
// (default 9), after one warm-up run for the OS file cache. For scale, also `node -e 0`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeStartMs } from './lib/node-start.mjs';
import { median, report } from './lib/result.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'packages', 'cli', 'bin', 'video-gen.js');
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a benchmark setting, not an input of a turbo task
const RUNS = Math.min(50, Math.max(3, Number(process.env.BENCH_CLI_RUNS || 9)));
const TARGET_MS = 150;

/** One run: resolves to the ms from spawn to the `submitting` event, after the job has finished. */
function spawnToSubmitting(dir, index) {
  const env = { ...process.env, VIDEO_GEN_HOME: path.join(dir, 'home'), VIDEO_GEN_LOG_FILE: 'off' };
  const args = [bin, `cli start bench ${index}`, '--events', '--duration', '1', '--size', '64x64'];
  args.push('-o', path.join(dir, `clip-${index}.mp4`));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let submittedAfter;
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => {
      if (submittedAfter === undefined && /"phase":"submitting"/.test(text)) {
        submittedAfter = performance.now() - started;
      }
      stdout += text;
    });
    child.stderr.on('data', (text) => {
      stderr += text;
    });
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0 || submittedAfter === undefined) {
        reject(
          new Error(
            `video-gen exited ${status} (submitting seen: ${submittedAfter !== undefined})\n${stdout}${stderr}`,
          ),
        );
      } else resolve(submittedAfter);
    });
  });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-cli-start-'));
try {
  await spawnToSubmitting(dir, 0); // warm-up, not counted
  // Node alone is sampled in turn with the CLI, so both see the same machine load.
  const samples = [];
  const nodeSamples = [];
  for (let i = 1; i <= RUNS; i++) {
    samples.push(await spawnToSubmitting(dir, i));
    nodeSamples.push(nodeStartMs(1));
  }
  const ms = median(samples);
  const nodeMs = median(nodeSamples);
  console.log(
    `video-gen spawn → submitting: ${ms.toFixed(1)} ms (median of ${RUNS}; node -e 0: ${nodeMs.toFixed(1)} ms)`,
  );
  const met = ms <= TARGET_MS;
  report('cli-start', [
    {
      metric: 'video-gen "<prompt>" (local): spawn to `submitting` (median)',
      value: ms,
      unit: 'ms',
      target: `≤ ${TARGET_MS} ms`,
      met,
      // Node alone, spawned and exited: when that already uses the budget, no CLI can meet it here.
      ...(!met && nodeMs >= TARGET_MS
        ? {
            outOfReach: {
              reason: `Node alone takes at least the whole ${TARGET_MS} ms budget to start on this machine`,
              limit: { metric: 'node -e 0, spawn to exit (median)', value: nodeMs, unit: 'ms' },
            },
          }
        : {}),
    },
    { metric: 'for scale: node -e 0, spawn to exit (median)', value: nodeMs, unit: 'ms' },
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
