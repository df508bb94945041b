import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JobRef } from '@video-gen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocal } from './local-provider.js';
import { isRenderAlive } from './process-alive.js';
import { context, downloadTo, pollToEnd, probe, request, tempDir } from './test-helpers.js';

const packageDir = path.resolve(import.meta.dirname, '..');
const dist = path.join(packageDir, 'dist', 'index.js');

/** Rebuilds dist when it is missing or older than the sources: the submitter below runs the built package. */
async function ensureBuilt(): Promise<void> {
  const sources = (await readdir(path.join(packageDir, 'src'))).filter(
    (f) => f.endsWith('.ts') && !f.includes('test'),
  );
  const newest = Math.max(
    ...(await Promise.all(sources.map(async (f) => (await stat(path.join(packageDir, 'src', f))).mtimeMs))),
  );
  const built = await stat(dist).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built >= newest) return;
  const tsup = createRequire(import.meta.url).resolve('tsup/dist/cli-default.js');
  execFileSync(process.execPath, [tsup], { cwd: packageDir, stdio: 'ignore' });
}

/**
 * Runs a separate process that imports the built package, submits one job, prints its JobRef and
 * then kills itself with SIGKILL: a crash, with no chance to clean up.
 */
async function submitThenCrash(
  jobsDir: string,
  fields: Record<string, unknown>,
  simulatedQueueMs = 0,
): Promise<JobRef> {
  const script = `
    import { createLocal } from ${JSON.stringify(pathToFileURL(dist).href)};
    const provider = createLocal({ jobsDir: ${JSON.stringify(jobsDir)}, simulatedQueueMs: ${simulatedQueueMs} });
    const request = { ...JSON.parse(process.argv[1]), model: provider.models[0], referenceImages: [], providerOptions: {} };
    const silent = { debug() {}, info() {}, warn() {}, error() {} };
    const job = await provider.submit(request, { signal: new AbortController().signal, logger: silent, fetch });
    process.stdout.write(JSON.stringify(job) + '\\n');
    process.kill(process.pid, 'SIGKILL');
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(fields)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
  return JSON.parse(stdout) as JobRef;
}

let root: string;
beforeAll(async () => {
  await ensureBuilt();
  root = await tempDir();
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a job outlives the process that submitted it', () => {
  it('finishes the render after the submitter is killed, and a resubmit does not render again', async () => {
    const jobsDir = path.join(root, 'jobs');
    const fields = { ...request({ width: 640, height: 480, fps: 30, durationSeconds: 8 }), model: undefined };

    const job = await submitThenCrash(jobsDir, fields);

    const dir = job.data!.jobDir as string;
    const pid = Number(await readFile(path.join(dir, 'ffmpeg.pid'), 'utf8'));
    // Still rendering although its parent is dead.
    expect(await isRenderAlive(pid, path.join(dir, 'progress.txt'))).toBe(true);

    // Resuming from the journal: the same key gives the same job, not a second render.
    const provider = createLocal({ jobsDir });
    const again = await provider.submit(request({ ...fields, model: provider.models[0]! }), context());
    expect(again).toEqual(job);
    expect(Number(await readFile(path.join(dir, 'ffmpeg.pid'), 'utf8'))).toBe(pid);

    expect((await pollToEnd(provider, job)).at(-1)).toEqual({ state: 'succeeded', usage: { seconds: 8 } });
    await downloadTo(provider, job, path.join(root, 'survived.mp4'));
    expect(probe(path.join(root, 'survived.mp4'))[0]).toMatchObject({
      width: 640,
      height: 480,
      r_frame_rate: '30/1',
    });
  });

  it('starts a still-queued job on the first status poll after its submitter died', async () => {
    const jobsDir = path.join(root, 'queued-jobs');
    const job = await submitThenCrash(jobsDir, { ...request(), model: undefined }, 300);

    const states = (await pollToEnd(createLocal({ jobsDir }), job)).map((s) => s.state);

    expect(states[0]).toBe('queued');
    expect(states.at(-1)).toBe('succeeded');
  });
});

/** Where in provider-local's submit the kill lands: after the `started` marker, before ffmpeg's pid is on disk. */
type StartWindow = 'before-spawn' | 'after-spawn';
const WINDOW_RUNS = Math.max(1, Number(process.env.VIDEO_GEN_CRASH_RUNS ?? 2) || 2);
const WINDOW_SEED = Number(process.env.VIDEO_GEN_CRASH_SEED ?? 20261125) || 20261125;

/** mulberry32: the same seed gives the same kill points. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Submits in a child whose `spawn` is wrapped (through `syncBuiltinESMExports`, so the built
 * package sees it) to SIGKILL the child inside the window: before ffmpeg is spawned, or right
 * after it is spawned and before its pid is recorded.
 */
async function submitKilledInStartWindow(
  jobsDir: string,
  fields: Record<string, unknown>,
  where: StartWindow,
) {
  const script = `
    import cp from 'node:child_process';
    import { syncBuiltinESMExports } from 'node:module';
    const realSpawn = cp.spawn;
    cp.spawn = (...args) => {
      if (${JSON.stringify(where)} === 'before-spawn') process.kill(process.pid, 'SIGKILL');
      const child = realSpawn(...args);
      child.once('spawn', () => process.kill(process.pid, 'SIGKILL'));
      return child;
    };
    syncBuiltinESMExports();
    const { createLocal } = await import(${JSON.stringify(pathToFileURL(dist).href)});
    const provider = createLocal({ jobsDir: ${JSON.stringify(jobsDir)}, simulatedQueueMs: 0 });
    const request = { ...JSON.parse(process.argv[1]), model: provider.models[0], referenceImages: [], providerOptions: {} };
    const silent = { debug() {}, info() {}, warn() {}, error() {} };
    await provider.submit(request, { signal: new AbortController().signal, logger: silent, fetch });
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(fields)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
}

describe(`a submit killed between the started marker and the recorded pid (seed ${WINDOW_SEED}, ${WINDOW_RUNS} runs)`, () => {
  const random = seeded(WINDOW_SEED);
  const offset = Math.floor(random() * 2);
  for (let run = 0; run < WINDOW_RUNS; run++) {
    const where: StartWindow = (run + offset) % 2 === 0 ? 'before-spawn' : 'after-spawn';
    it(`run ${run + 1} (${where}): the resubmit renders the job, starting ffmpeg again at most once`, async () => {
      const jobsDir = path.join(root, `window-${run}`);
      const fields = { ...request({ durationSeconds: 1 }), model: undefined };
      await submitKilledInStartWindow(jobsDir, fields, where);
      const id = (await readdir(jobsDir)).find((name) => !name.startsWith('.'))!;
      const dir = path.join(jobsDir, id);
      // The window: the marker is there, the pid is not.
      expect(existsSync(path.join(dir, 'started'))).toBe(true);
      expect(existsSync(path.join(dir, 'ffmpeg.pid'))).toBe(false);

      const provider = createLocal({ jobsDir });
      const job = await provider.submit(request({ ...fields, model: provider.models[0]! }), context());
      const states = await pollToEnd(provider, job);
      expect(states.at(-1)).toEqual({ state: 'succeeded', usage: { seconds: 1 } });
      await downloadTo(provider, job, path.join(root, `window-${run}.mp4`));
      expect(probe(path.join(root, `window-${run}.mp4`))[0]).toMatchObject({ width: 320, height: 240 });
      const restarts = (await readdir(dir)).filter((name) => name.startsWith('restart-'));
      // An ffmpeg that did get spawned is found (through /proc) and adopted, not started twice.
      const expected = where === 'before-spawn' ? 1 : existsSync('/proc/self/cmdline') ? 0 : 1;
      expect(restarts).toHaveLength(expected);
    }, 60_000);
  }
});
