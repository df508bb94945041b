import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  ensureDirectory,
  FileSystemError,
  GenerationFailedError,
  inspectFile,
  openFileForWriting,
  toFileSystemError,
  writeFileAtomic,
  writeFileExclusive,
} from '@video-gen/core';
import { isRenderAlive } from './process-alive.js';
import { newStartMarker, parseStartMarker, type StartMarker } from './start-marker.js';

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
    // The folder and its record are the library's own: a link at either name is refused, never followed.
    await assertRealFolder(dir);
    await inspectFile(jobFile(dir, JOB_FILES.record));
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

  // The user's jobs folder may be a link to a folder; a file there is a FileSystemError.
  await ensureDirectory(jobsDir, { followLink: true });
  let staging: string;
  try {
    staging = await mkdtemp(path.join(jobsDir, `.${record.id}-`));
  } catch (error) {
    throw toFileSystemError(error, jobsDir, 'create a job folder in');
  }
  try {
    for (const file of files) await writeNew(path.join(staging, file.name), file.bytes);
    await writeNew(jobFile(staging, JOB_FILES.record), `${JSON.stringify(record, null, 2)}\n`);
    await rename(staging, dir);
    return { record, created: true };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another submit with the same key won the rename: its job is the job.
    const winner = await readJobRecord(dir);
    if (winner) return { record: winner, created: false };
    throw toFileSystemError(error, dir, 'create the job folder');
  }
}

/** Writes a file that must not exist yet (inside a fresh staging folder). */
async function writeNew(file: string, data: string | Uint8Array): Promise<void> {
  if (!(await writeFileExclusive(file, data)))
    throw toFileSystemError(new Error('it already exists'), file, 'create');
}

/** A link at a job folder's name is refused (the job's files would land elsewhere); a file there is no job. */
async function assertRealFolder(dir: string): Promise<void> {
  const stats = await lstat(dir);
  if (stats.isDirectory()) return;
  if (stats.isSymbolicLink()) {
    throw new FileSystemError(
      `Refusing to use the local job folder ${dir}: a symbolic link is there. Remove it and submit again.`,
      'unsafe_path',
      dir,
    );
  }
  throw Object.assign(new Error(`${dir} is not a job folder`), { code: 'ENOTDIR' });
}

/**
 * Starts ffmpeg for the job in `dir`, detached, unless it was already started: the `started` file
 * is created exclusively (never through a link), so of two callers (a submit and a status poll, or
 * two processes) exactly one spawns. The marker names its creator's pid, so a creator killed
 * before it recorded ffmpeg's pid can be told apart (see {@link restartRender}). ffmpeg gets its
 * own session and no pipes to this process, so it keeps rendering when this process exits or is
 * killed. Returns the pid, or `undefined` when someone else started it.
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
  const marker = await newStartMarker();
  if (!(await writeFileExclusive(jobFile(dir, JOB_FILES.started), JSON.stringify(marker)))) return undefined;
  return spawnRender(dir, args, ffmpegPath);
}

/**
 * Starts the render again for a job whose `started` marker's creator died before ffmpeg's pid was
 * recorded (and no ffmpeg runs for it). Of several callers seeing the same dead marker exactly one
 * restarts: the claim `restart-<token>` is created exclusively, then the marker is replaced (a
 * rename) by one naming this process. Returns the pid, or `undefined` when another caller claimed it.
 *
 * @example
 * ```ts
 * const state = await readJobState(dir, record);
 * if (state.state === 'abandoned') await restartRender(dir, record.args, ffmpegPath, state.marker);
 * ```
 */
export async function restartRender(
  dir: string,
  args: readonly string[],
  ffmpegPath: string,
  abandoned: StartMarker,
): Promise<number | undefined> {
  if (!(await writeFileExclusive(path.join(dir, `restart-${abandoned.token}`), String(process.pid))))
    return undefined;
  await writeFileAtomic(jobFile(dir, JOB_FILES.started), JSON.stringify(await newStartMarker()));
  return spawnRender(dir, args, ffmpegPath);
}

/**
 * Reads the `started` marker; `undefined` when there is none or it predates owner records (a
 * `cancelled` job, an older version).
 */
export async function readStartMarker(dir: string): Promise<StartMarker | undefined> {
  const text = await readFile(jobFile(dir, JOB_FILES.started), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseStartMarker(text);
}

/**
 * Spawns ffmpeg and records its pid. Every file ffmpeg writes exists before it starts, created
 * (or reused) without following links, so ffmpeg (which follows them) never writes through one.
 */
async function spawnRender(dir: string, args: readonly string[], ffmpegPath: string): Promise<number> {
  for (const name of [JOB_FILES.progress, JOB_FILES.partial] as const)
    await (await openFileForWriting(jobFile(dir, name), 'truncate')).close();
  const log = await openFileForWriting(jobFile(dir, JOB_FILES.log), 'append');
  try {
    const child = spawn(ffmpegPath, args, {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'ignore', log.fd],
      windowsHide: true,
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    child.unref();
    const pid = child.pid!;
    await writeFileAtomic(jobFile(dir, JOB_FILES.pid), String(pid));
    return pid;
  } catch (error) {
    if (FileSystemError.isInstance(error)) throw error;
    // Left in the log, so every later status() reports why the job failed.
    await log
      .write(`video-gen: could not start ${ffmpegPath}: ${(error as Error).message}\n`)
      .catch(() => {});
    throw new GenerationFailedError(
      `Could not start ffmpeg (${ffmpegPath}) for local job ${path.basename(dir)}.`,
      {
        provider: 'local',
        cause: error,
      },
    );
  } finally {
    await log.close();
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
  // Already started (or the folder is gone): the pid tells what to stop.
  await writeFileExclusive(jobFile(dir, JOB_FILES.started), 'cancelled').catch(() => false);
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
