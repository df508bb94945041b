import { execFileSync, spawn } from 'node:child_process';
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
