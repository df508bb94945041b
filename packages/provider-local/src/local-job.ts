import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GenerationFailedError } from '@video-gen/core';
import { isRenderAlive } from './process-alive.js';

/**
 * The files of a job folder. `job.json` is written before the folder appears (the folder is
 * renamed into place), so a folder without it is never a job.
 *
 * @example
 * ```ts
 * path.join(jobDir, JOB_FILES.output); // the finished video
 * ```
 */
export const JOB_FILES = {
  record: 'job.json',
  /** Created exclusively by whoever starts ffmpeg: the render starts at most once. */
  started: 'started',
  pid: 'ffmpeg.pid',
  /** ffmpeg's stderr. */
  log: 'ffmpeg.log',
  progress: 'progress.txt',
  /** ffmpeg writes here; `status()` renames it once ffmpeg has finished and exited. */
  partial: 'video.partial.mp4',
  output: 'video.mp4',
  /** Written when core has the video at its output path; the folder is pruned `keepFinishedMs` later. */
  released: 'released-at',
} as const;

/** What `job.json` holds: enough to start, watch and describe the render from any process. */
export interface JobRecord {
  readonly version: 1;
  readonly id: string;
  readonly model: string;
  /** ISO 8601. */
  readonly createdAt: string;
  /** When the render may start, in epoch milliseconds (the end of the simulated queue). */
  readonly startAfter: number;
  /** A hash of everything that shapes the video: a reused idempotency key must mean the same request. */
  readonly fingerprint: string;
  /** The request, for people reading the folder. */
  readonly request: {
    readonly prompt: string;
    readonly width: number;
    readonly height: number;
    readonly fps: number;
    readonly durationSeconds: number;
    readonly seed: number | null;
    readonly audio: boolean;
    readonly firstFrame: string | null;
    readonly lastFrame: string | null;
  };
  readonly frames: number;
  /** ffmpeg's arguments, with absolute paths into the job folder. */
  readonly args: readonly string[];
}

/**
 * A file of the job folder `dir`.
 *
 * @example
 * ```ts
 * const progressPath = jobFile(dir, JOB_FILES.progress);
 * ```
 */
export function jobFile(dir: string, name: (typeof JOB_FILES)[keyof typeof JOB_FILES]): string {
  return path.join(dir, name);
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * The job id (and folder name) for an idempotency key: the key itself when it is a safe file name,
 * otherwise a cleaned prefix plus a hash of the key, so distinct keys never share a folder.
 *
 * @example
 * ```ts
 * jobIdFor('0b7d…'); // '0b7d…'
 * jobIdFor('a/b');   // 'a-b-<hash>'
 * ```
 */
export function jobIdFor(idempotencyKey: string): string {
  if (SAFE_ID.test(idempotencyKey)) return idempotencyKey;
  const cleaned = idempotencyKey.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 48);
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 16);
  return `${cleaned}-${hash}`.replace(/^-+/, '');
}

/**
 * Whether `id` could be a job id: checked before trusting a JobRef that came from disk, so an
 * edited journal cannot point outside the jobs folder.
 *
 * @example
 * ```ts
 * isJobId('../etc'); // false
 * ```
 */
export function isJobId(id: string): boolean {
  return SAFE_ID.test(id);
}

/**
 * Reads `job.json`, or `undefined` when the folder or the file is gone.
 *
 * @example
 * ```ts
 * const record = await readJobRecord(dir);
 * ```
 */
export async function readJobRecord(dir: string): Promise<JobRecord | undefined> {
  try {
    return JSON.parse(await readFile(jobFile(dir, JOB_FILES.record), 'utf8')) as JobRecord;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** A file to place in the job folder next to `job.json` (an input image). */
export interface JobInputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Creates the job folder `<jobsDir>/<record.id>` atomically: everything is written to a hidden
 * temporary folder that is then renamed into place. When the folder already exists (a second
 * submit with the same idempotency key, even a concurrent one), nothing is written and the
 * existing job's record is returned instead, so a job is created exactly once.
 *
 * @example
 * ```ts
 * const { record, created } = await createJobFolder(jobsDir, record, [{ name: 'first.png', bytes }]);
 * ```
 */
export async function createJobFolder(
  jobsDir: string,
  record: JobRecord,
  files: readonly JobInputFile[],
): Promise<{ record: JobRecord; created: boolean }> {
  const dir = path.join(jobsDir, record.id);
  const existing = await readJobRecord(dir);
  if (existing) return { record: existing, created: false };

  await mkdir(jobsDir, { recursive: true });
  const staging = await mkdtemp(path.join(jobsDir, `.${record.id}-`));
  try {
    for (const file of files) await writeFile(path.join(staging, file.name), file.bytes);
    await writeFile(jobFile(staging, JOB_FILES.record), `${JSON.stringify(record, null, 2)}\n`);
    await rename(staging, dir);
    return { record, created: true };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another submit with the same key won the rename: its job is the job.
    const winner = await readJobRecord(dir);
    if (winner) return { record: winner, created: false };
    throw error;
  }
}

/**
 * Starts ffmpeg for the job in `dir`, detached, unless it was already started: the `started` file
 * is created exclusively, so of two callers (a submit and a status poll, or two processes) exactly
 * one spawns. ffmpeg gets its own session and no pipes to this process, so it keeps rendering when
 * this process exits or is killed. Returns the pid, or `undefined` when someone else started it.
 *
 * @example
 * ```ts
 * await startRender(dir, record.args, '/usr/bin/ffmpeg');
 * ```
 */
export async function startRender(
  dir: string,
  args: readonly string[],
  ffmpegPath: string,
): Promise<number | undefined> {
  try {
    const lock = await open(jobFile(dir, JOB_FILES.started), 'wx');
    await lock.writeFile(new Date().toISOString());
    await lock.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  const log = openSync(jobFile(dir, JOB_FILES.log), 'a');
  try {
    const child = spawn(ffmpegPath, args, {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'ignore', log],
      windowsHide: true,
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    child.unref();
    const pid = child.pid!;
    await writeFile(jobFile(dir, JOB_FILES.pid), String(pid));
    return pid;
  } catch (error) {
    // Left in the log, so every later status() reports why the job failed.
    appendFileSync(log, `video-gen: could not start ${ffmpegPath}: ${(error as Error).message}\n`);
    throw new GenerationFailedError(
      `Could not start ffmpeg (${ffmpegPath}) for local job ${path.basename(dir)}.`,
      {
        provider: 'local',
        cause: error,
      },
    );
  } finally {
    closeSync(log);
  }
}

/**
 * Reads the recorded ffmpeg pid, or `undefined` before it was written.
 *
 * @example
 * ```ts
 * const pid = await readPid(dir);
 * ```
 */
export async function readPid(dir: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(jobFile(dir, JOB_FILES.pid), 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops the job's ffmpeg (if it runs) and deletes the job folder. A queued job is first marked
 * started, so no status poll can spawn its render while the folder is being removed.
 *
 * @example
 * ```ts
 * await removeJob(dir);
 * ```
 */
export async function removeJob(dir: string): Promise<void> {
  try {
    await writeFile(jobFile(dir, JOB_FILES.started), 'cancelled', { flag: 'wx' });
  } catch {
    // Already started (or the folder is gone): the pid tells what to stop.
  }
  const pid = await readPid(dir);
  const marker = jobFile(dir, JOB_FILES.progress);
  if (pid !== undefined && (await isRenderAlive(pid, marker))) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // It exited in between.
    }
    // Windows will not delete files a running process holds open: wait for it to go.
    for (let i = 0; i < 100 && (await isRenderAlive(pid, marker)); i++) await sleep(50);
  }
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
