import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { VideoGenError } from '../errors/video-gen-error.js';
import { fileOps } from '../fs/file-ops.js';
import { unsafePath, unsafeReason } from '../fs/inspect-file.js';
import { toFileSystemError } from '../fs/to-file-system-error.js';
import {
  formatLockOwner,
  type LockOwner,
  newLockOwner,
  ownerMayBeAlive,
  parseLockOwner,
} from './lock-owner.js';

// O_EXCL refuses any existing entry, a symbolic link (even a dangling one) included: nothing is written through.
const CREATE = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);
// Non-blocking, so a FIFO swapped in after the type check cannot hang the read.
const READ = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
/** An empty lock is one being written right now, or one a crash cut short: stale after this long. */
const EMPTY_LOCK_GRACE_MS = 10_000;
const MAX_LOCK_BYTES = 4096;
const ATTEMPTS = 5;
/** Claims on dead claims: each level needs another crash inside the microseconds of a takeover. */
const MAX_CLAIM_DEPTH = 4;

/** A lock file as read: its identity (what a takeover checks has not changed) and its owner. */
interface SeenLock {
  readonly identity: string;
  /** `undefined` for an empty file. */
  readonly pid?: number | undefined;
  readonly owner?: LockOwner | undefined;
  readonly ageMs: number;
}

function errnoOf(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/** Creates `path` exclusively holding `owner`; `false` when something is already there. A failed write leaves nothing behind. */
async function createExclusive(path: string, owner: LockOwner): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await fileOps.open(path, CREATE, 0o644);
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw toFileSystemError(error, path, 'create the output lock');
  }
  try {
    await handle.writeFile(formatLockOwner(owner));
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fileOps.unlink(path).catch(() => undefined);
    throw toFileSystemError(error, path, 'write the output lock');
  }
  return true;
}

/** Reads the lock at `path` without following links; `undefined` when there is none. Anything but a video-gen lock is refused. */
async function readLock(path: string): Promise<SeenLock | undefined> {
  let handle: FileHandle;
  try {
    const entry = await fileOps.lstat(path);
    const reason = unsafeReason(entry, false);
    if (reason !== undefined) throw unsafePath(path, reason);
    handle = await fileOps.open(path, READ);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    if (errnoOf(error) === 'ELOOP') throw unsafePath(path, 'a symbolic link is there');
    throw toFileSystemError(error, path, 'read the output lock');
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size > MAX_LOCK_BYTES) {
      throw unsafePath(path, stats.isFile() ? 'it is not a video-gen lock' : 'it is not a regular file');
    }
    const text = await handle.readFile('utf8');
    const ageMs = Date.now() - stats.mtimeMs;
    // Without a token, the file itself is the identity: a replacement is a new inode or a new time.
    const fileIdentity = `${stats.dev}:${stats.ino}:${stats.mtimeMs}:${stats.size}`;
    if (text.trim() === '') return { identity: `empty:${fileIdentity}`, ageMs };
    const parsed = parseLockOwner(text);
    if (!parsed) throw unsafePath(path, 'it is not a video-gen lock');
    return {
      identity: parsed.owner ? `token:${parsed.owner.token}` : `pid:${parsed.pid}:${fileIdentity}`,
      pid: parsed.pid,
      owner: parsed.owner,
      ageMs,
    };
  } catch (error) {
    throw toFileSystemError(error, path, 'read the output lock');
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function isStale(seen: SeenLock): Promise<boolean> {
  if (seen.pid === undefined) return seen.ageMs > EMPTY_LOCK_GRACE_MS;
  return !(await ownerMayBeAlive(seen.pid, seen.owner));
}

function lockedError(outPath: string, seen: SeenLock): VideoGenError {
  if (seen.pid === process.pid) {
    return new VideoGenError(`This process is already generating ${outPath}.`, 'output_locked');
  }
  const who = seen.pid === undefined ? 'Another process' : `Another process (pid ${seen.pid})`;
  return new VideoGenError(
    `${who} is already generating ${outPath}. Wait for it, or stop it and run again to resume its job.`,
    'output_locked',
  );
}

/** The claim that gives one process the right to replace the lock generation `identity`. */
function claimPathFor(lockPath: string, identity: string): string {
  return `${lockPath}.takeover-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`;
}

/**
 * Replaces the stale lock `seen` at `target` with `me`, atomically, or returns `false` when
 * another process got there first. Whoever exclusively creates the claim named after `seen`'s
 * identity is the only one allowed to replace that lock; it checks the lock still is `seen` and
 * renames its claim over it (one atomic step that also removes the claim's name). A claim left
 * by a process that died mid-takeover is itself taken over the same way, one level down.
 */
async function takeOver(
  lockPath: string,
  target: string,
  seen: SeenLock,
  me: LockOwner,
  depth: number,
): Promise<boolean> {
  const claim = claimPathFor(lockPath, seen.identity);
  if (!(await createExclusive(claim, me))) {
    const rival = await readLock(claim);
    // Gone: its owner finished the takeover (or gave up, the lock having moved on). Live: it is taking over now.
    if (!rival || !(await isStale(rival)) || depth >= MAX_CLAIM_DEPTH) return false;
    if (!(await takeOver(lockPath, claim, rival, me, depth + 1))) return false;
  }
  // Holding the claim: nobody else replaces `target` while it is still `seen`, and its owner is gone.
  const current = await readLock(target).catch(() => undefined);
  if (current?.identity !== seen.identity) {
    await releaseIfMine(claim, me);
    return false;
  }
  try {
    await fileOps.rename(claim, target);
  } catch (error) {
    await releaseIfMine(claim, me);
    throw toFileSystemError(error, target, 'take over the stale output lock');
  }
  return true;
}

/** Removes the lock at `path` if it still is `me`'s. */
async function releaseIfMine(path: string, me: LockOwner): Promise<void> {
  try {
    const current = await readLock(path);
    if (current?.identity === `token:${me.token}`) await fileOps.unlink(path);
  } catch {
    // A lock that cannot be removed is stale once this process ends, and the next run takes it over.
  }
}

/** Releases of the locks this process holds, by lock path, so the finish can release before its last step. */
const held = new Map<string, () => Promise<void>>();

function holding(lockPath: string, me: LockOwner): () => Promise<void> {
  let released: Promise<void> | undefined;
  const release = () => {
    released ??= (async () => {
      if (held.get(lockPath) === release) held.delete(lockPath);
      await releaseIfMine(lockPath, me);
    })();
    return released;
  };
  held.set(lockPath, release);
  return release;
}

/**
 * Takes `<out>.lock` so that two processes never drive the same job (both polling, both writing
 * the same part file). The lock records the owner's pid, its start time (where /proc tells it) and
 * a random token. A lock whose owner is gone (a crash; a pid now reused by another program) is
 * taken over atomically: of any number of processes trying at once, exactly one gets it, and the
 * others get `output_locked`. Returns the release (idempotent).
 *
 * @throws {VideoGenError} `output_locked`: another live process holds the output.
 * @throws {FileSystemError} `unsafe_path` for a link, folder or foreign file at `<out>.lock`;
 * `disk_full`, `read_only`, `permission_denied`, `io_failed` when the lock cannot be written.
 */
export async function lockOutput(outPath: string): Promise<() => Promise<void>> {
  const lockPath = `${outPath}.lock`;
  const me = await newLockOwner();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // A takeover lost to another process: give the winner a moment to put its lock in place.
    if (attempt > 0) await sleep(5 + Math.floor(Math.random() * 20));
    if (await createExclusive(lockPath, me)) return holding(lockPath, me);
    const seen = await readLock(lockPath);
    if (!seen) continue;
    if (!(await isStale(seen))) throw lockedError(outPath, seen);
    if (await takeOver(lockPath, lockPath, seen, me, 0)) return holding(lockPath, me);
  }
  throw new VideoGenError(
    `Another process is taking over the lock of ${outPath} at the same time; run again later to resume its job.`,
    'output_locked',
  );
}

/**
 * Releases this process's lock on `outPath` now, if it holds one (the release `withOutputLock`
 * runs afterwards is then a no-op). The finish releases before removing the journal, so a crash in
 * between leaves a journal the next run completes, not a lock with no journal beside it.
 */
export async function releaseOutputLock(outPath: string): Promise<void> {
  await held.get(`${outPath}.lock`)?.();
}

/** Runs `work` holding the output's lock, releasing it however `work` ends. */
export async function withOutputLock<T>(outPath: string, work: () => Promise<T>): Promise<T> {
  const release = await lockOutput(outPath);
  try {
    return await work();
  } finally {
    await release();
  }
}
