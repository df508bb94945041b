import { rename, stat } from 'node:fs/promises';
import { inspectFile, writeFileAtomic } from '@video-gen/core';
import { JOB_FILES, type JobRecord, jobFile, readPid, readStartMarker } from './local-job.js';
import { isRenderAlive } from './process-alive.js';
import { readTail } from './read-tail.js';
import { findProcessByMarker, isMarkerOwnerAlive, type StartMarker } from './start-marker.js';

/** Where a local job stands, read from its folder alone (any process can ask). */
export type LocalJobState =
  | { readonly state: 'waiting'; readonly startsInMs: number }
  | { readonly state: 'running'; readonly progress: number }
  /** Started, but its starter died before ffmpeg ran or its pid was recorded: `restartRender` it. */
  | { readonly state: 'abandoned'; readonly marker: StartMarker }
  | { readonly state: 'succeeded' }
  | { readonly state: 'failed'; readonly reason: string };

// Without a pid (the starter died between spawning and writing it), a render counts as alive
// while the start or its progress file is this recent; ffmpeg rewrites progress twice a second.
const FRESH_MS = 15_000;
// A dead starter's marker this old, with no pid recorded, no ffmpeg found and no progress written,
// means ffmpeg never ran: long enough for a just-spawned ffmpeg to write its first progress.
const STARTUP_GRACE_MS = 3_000;

async function mtimeMs(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function fileSize(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch {
    return undefined;
  }
}

/** The last `frame=` ffmpeg reported, over the frame count. */
function progressOf(progressText: string | undefined, frames: number): number {
  const matches = progressText?.match(/^frame=\s*(\d+)/gm);
  const last = matches?.at(-1)?.split('=')[1];
  if (last === undefined) return 0;
  // Never 1 while running: that is what `succeeded` says.
  return Math.min(0.99, Number.parseInt(last, 10) / frames);
}

/**
 * Works out the job's state from its folder: not started yet, rendering (with progress), finished,
 * or failed. Finished means ffmpeg wrote `progress=end` AND has exited AND left a non-empty file;
 * then the file is renamed to `video.mp4` (so a later call sees `succeeded` at once). An exit
 * without `progress=end` is a failure, reported with the end of ffmpeg's log.
 *
 * @example
 * ```ts
 * const state = await readJobState(dir, record);
 * if (state.state === 'running') console.log(`${Math.round(state.progress * 100)}%`);
 * ```
 */
export async function readJobState(dir: string, record: JobRecord, now = Date.now()): Promise<LocalJobState> {
  const output = jobFile(dir, JOB_FILES.output);
  if ((await fileSize(output)) !== undefined) return { state: 'succeeded' };

  // A link at the marker's name is refused (FileSystemError unsafe_path), never taken for a start.
  const startedAt = (await inspectFile(jobFile(dir, JOB_FILES.started)))?.mtimeMs;
  if (startedAt === undefined) return { state: 'waiting', startsInMs: Math.max(0, record.startAfter - now) };

  const progressFile = jobFile(dir, JOB_FILES.progress);
  let pid = await readPid(dir);
  if (pid === undefined) {
    const abandoned = await abandonedMarker(dir, progressFile, now);
    if (abandoned === 'orphan') pid = await readPid(dir);
    else if (abandoned) return { state: 'abandoned', marker: abandoned };
  }
  // Liveness first, progress second: read the other way round, a render finishing in between
  // would look like one that died without finishing.
  const alive =
    pid === undefined
      ? now - Math.max(startedAt, (await mtimeMs(progressFile)) ?? 0) < FRESH_MS
      : await isRenderAlive(pid, progressFile);
  const progressText = await readTail(progressFile, 4096);
  const ended = progressText?.includes('progress=end') ?? false;

  if (alive && !ended) return { state: 'running', progress: progressOf(progressText, record.frames) };
  if (alive) {
    // Ended but apparently alive: closing the file takes milliseconds, so after a while the
    // pid must belong to someone else (a reused pid where /proc cannot tell).
    const endedAt = (await mtimeMs(progressFile)) ?? now;
    if (now - endedAt < FRESH_MS) return { state: 'running', progress: 0.99 };
  }
  if (ended) {
    const partial = jobFile(dir, JOB_FILES.partial);
    if (((await fileSize(partial)) ?? 0) > 0) {
      try {
        await rename(partial, output);
      } catch (error) {
        // A concurrent status() renamed it first.
        if ((await fileSize(output)) === undefined) throw error;
      }
      return { state: 'succeeded' };
    }
    if ((await fileSize(output)) !== undefined) return { state: 'succeeded' };
    return { state: 'failed', reason: 'ffmpeg reported the end of the render but left no video file.' };
  }
  const log = (await readTail(jobFile(dir, JOB_FILES.log), 2000))?.trim();
  return {
    state: 'failed',
    reason: log
      ? `ffmpeg stopped before finishing the render. The end of its log:\n${log}`
      : 'ffmpeg stopped before finishing the render, without an error message (was it killed?).',
  };
}

/**
 * The marker of a start that never got to run ffmpeg: its creator is dead, no pid was recorded,
 * no progress was written and the grace time is over. A running ffmpeg whose starter died before
 * recording its pid is found through /proc where it exists, and its pid recorded (`'orphan'`).
 */
async function abandonedMarker(
  dir: string,
  progressFile: string,
  now: number,
): Promise<StartMarker | 'orphan' | undefined> {
  const marker = await readStartMarker(dir);
  if (!marker || now - marker.startedAt < STARTUP_GRACE_MS) return undefined;
  if (await isMarkerOwnerAlive(marker)) return undefined;
  const orphan = await findProcessByMarker(progressFile);
  if (orphan !== undefined) {
    await writeFileAtomic(jobFile(dir, JOB_FILES.pid), String(orphan));
    return 'orphan';
  }
  // Without /proc, progress is the sign of a running ffmpeg.
  if (((await fileSize(progressFile)) ?? 0) > 0) return undefined;
  // The pid may have been recorded meanwhile by a starter that was only slow.
  if ((await readPid(dir)) !== undefined) return undefined;
  return marker;
}
