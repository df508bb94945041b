import { spawn } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJobState } from './job-state.js';
import {
  createJobFolder,
  isJobId,
  JOB_FILES,
  type JobRecord,
  jobFile,
  jobIdFor,
  removeJob,
  startRender,
} from './local-job.js';
import { ffmpeg, tempDir } from './test-helpers.js';

let root: string;
beforeAll(async () => {
  root = await tempDir();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const record = (id: string, overrides: Partial<JobRecord> = {}): JobRecord => ({
  version: 1,
  id,
  model: 'local-v1',
  createdAt: new Date(0).toISOString(),
  startAfter: 0,
  fingerprint: 'f',
  request: {
    prompt: 'p',
    width: 16,
    height: 16,
    fps: 1,
    durationSeconds: 1,
    seed: null,
    audio: false,
    firstFrame: null,
    lastFrame: null,
  },
  frames: 10,
  args: ['-version'],
  ...overrides,
});

/** Starts a process whose command line contains `marker`, like ffmpeg's holds its progress path. */
function fakeRender(marker: string, ms: number) {
  return spawn(process.execPath, ['-e', `setTimeout(() => {}, ${ms})`, marker], { stdio: 'ignore' });
}

/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid!;
}

describe('jobIdFor', () => {
  it('keeps a key that is a safe folder name, and hashes the others apart', () => {
    expect(jobIdFor('3f2b0c7e-1f7a-4c55-a0f3-5b6e0f0d9a11')).toBe('3f2b0c7e-1f7a-4c55-a0f3-5b6e0f0d9a11');
    const ids = ['a/b', 'a?b', '../..', 'x'.repeat(300)].map(jobIdFor);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(isJobId(id)).toBe(true);
  });
});

describe('createJobFolder', () => {
  it('creates one folder for concurrent submits of one key, and hands every caller the same record', async () => {
    const jobsDir = path.join(root, 'race');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        createJobFolder(jobsDir, record('k1', { fingerprint: `f${i}` }), []),
      ),
    );

    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.record.fingerprint)).size).toBe(1);
    // No staging folder is left behind.
    expect(await readdir(jobsDir)).toEqual(['k1']);
  });

  it('writes the input files beside job.json', async () => {
    const jobsDir = path.join(root, 'files');
    await createJobFolder(jobsDir, record('k2'), [
      { name: 'first-frame.png', bytes: new Uint8Array([1, 2, 3]) },
    ]);

    expect(await readFile(path.join(jobsDir, 'k2', 'first-frame.png'))).toEqual(Buffer.from([1, 2, 3]));
  });
});

describe('startRender', () => {
  it('starts the render once, however often it is asked', async () => {
    const jobsDir = path.join(root, 'start');
    await createJobFolder(jobsDir, record('k3'), []);
    const dir = path.join(jobsDir, 'k3');

    const [a, b] = await Promise.all([
      startRender(dir, ['-version'], ffmpeg),
      startRender(dir, ['-version'], ffmpeg),
    ]);

    expect([a, b].filter((pid) => pid !== undefined)).toHaveLength(1);
    expect(await readFile(jobFile(dir, JOB_FILES.pid), 'utf8')).toBe(String(a ?? b));
  });
});

describe('readJobState', () => {
  const folder = async (id: string) => {
    const jobsDir = path.join(root, 'state');
    await createJobFolder(jobsDir, record(id), []);
    return path.join(jobsDir, id);
  };

  it('is waiting until started, with the time left in the simulated queue', async () => {
    const dir = await folder('w1');

    expect(await readJobState(dir, record('w1', { startAfter: 5_000 }), 1_000)).toEqual({
      state: 'waiting',
      startsInMs: 4_000,
    });
  });

  it('is running while the process lives, with progress from the last frame= line', async () => {
    const dir = await folder('r1');
    const progress = jobFile(dir, JOB_FILES.progress);
    const child = fakeRender(progress, 10_000);
    await writeFile(jobFile(dir, JOB_FILES.started), '');
    await writeFile(jobFile(dir, JOB_FILES.pid), String(child.pid));
    await writeFile(progress, 'frame=2\nprogress=continue\nframe=4\nprogress=continue\n');

    expect(await readJobState(dir, record('r1'))).toEqual({ state: 'running', progress: 0.4 });
    child.kill();
  });

  it('succeeds once ffmpeg wrote progress=end and exited, moving the video into place', async () => {
    const dir = await folder('s1');
    await writeFile(jobFile(dir, JOB_FILES.started), '');
    await writeFile(jobFile(dir, JOB_FILES.pid), String(await deadPid()));
    await writeFile(jobFile(dir, JOB_FILES.progress), 'frame=10\nprogress=end\n');
    await writeFile(jobFile(dir, JOB_FILES.partial), 'mp4 bytes');

    expect(await readJobState(dir, record('s1'))).toEqual({ state: 'succeeded' });
    expect(await readFile(jobFile(dir, JOB_FILES.output), 'utf8')).toBe('mp4 bytes');
    await expect(stat(jobFile(dir, JOB_FILES.partial))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readJobState(dir, record('s1'))).toEqual({ state: 'succeeded' });
  });

  it("fails with the end of ffmpeg's log when it exited without progress=end", async () => {
    const dir = await folder('f1');
    await writeFile(jobFile(dir, JOB_FILES.started), '');
    await writeFile(jobFile(dir, JOB_FILES.pid), String(await deadPid()));
    await writeFile(jobFile(dir, JOB_FILES.progress), 'frame=3\nprogress=continue\n');
    await writeFile(jobFile(dir, JOB_FILES.log), 'Error while decoding stream #0:0\n');

    const state = await readJobState(dir, record('f1'));
    expect(state).toMatchObject({ state: 'failed' });
    expect(state.state === 'failed' && state.reason).toContain('Error while decoding stream #0:0');
  });

  it('does not mistake another process that reused the pid for the render', async () => {
    const dir = await folder('p1');
    const stranger = fakeRender('/somewhere/else', 10_000);
    await writeFile(jobFile(dir, JOB_FILES.started), '');
    await writeFile(jobFile(dir, JOB_FILES.pid), String(stranger.pid));

    const state = await readJobState(dir, record('p1'));
    stranger.kill();
    // Only /proc can tell them apart; elsewhere the pid counts as alive.
    if (process.platform === 'linux') expect(state.state).toBe('failed');
  });
});

describe('removeJob', () => {
  it('deletes a queued job so it never starts', async () => {
    const jobsDir = path.join(root, 'remove');
    await createJobFolder(jobsDir, record('q1', { startAfter: Date.now() + 60_000 }), []);

    await removeJob(path.join(jobsDir, 'q1'));

    expect(await readdir(jobsDir)).toEqual([]);
  });
});
