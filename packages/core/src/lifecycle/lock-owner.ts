import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { fileOps } from '../fs/file-ops.js';

/**
 * Who holds an output lock, as written in `<out>.lock` (one JSON line). `start` is the process's
 * start time in the kernel's clock ticks since boot, where /proc exists: a later process that got
 * the same pid has another start time, so a reused pid is not mistaken for the owner. `token` is
 * random per lock, so a takeover can tell the lock it inspected from any later one.
 */
export interface LockOwner {
  readonly pid: number;
  readonly start?: string | undefined;
  readonly host: string;
  readonly token: string;
  readonly createdAt: string;
}

interface ProcStat {
  readonly state: string;
  readonly start: string;
}

let procExists: Promise<boolean> | undefined;

/** Whether this system has a Linux-style /proc, checked once. */
function hasProc(): Promise<boolean> {
  procExists ??= fileOps.readFile('/proc/self/stat', 'utf8').then(
    () => true,
    () => false,
  );
  return procExists;
}

/** `/proc/<pid>/stat`: `undefined` where there is no /proc (or it is unreadable), `'gone'` when the pid does not exist. */
async function procStat(pid: number): Promise<ProcStat | 'gone' | undefined> {
  if (!(await hasProc())) return undefined;
  let text: string;
  try {
    text = await fileOps.readFile(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ENOENT' || code === 'ESRCH' ? 'gone' : undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: fields are counted after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const start = fields[19];
  return state && start ? { state, start } : undefined;
}

let ownStart: Promise<string | undefined> | undefined;

/** A fresh owner record for this process. */
export async function newLockOwner(): Promise<LockOwner> {
  ownStart ??= procStat(process.pid).then((stat) => (typeof stat === 'object' ? stat.start : undefined));
  return {
    pid: process.pid,
    start: await ownStart,
    host: os.hostname(),
    token: randomBytes(12).toString('hex'),
    createdAt: new Date().toISOString(),
  };
}

/** The lock file's text for an owner. */
export function formatLockOwner(owner: LockOwner): string {
  return `${JSON.stringify(owner)}\n`;
}

/**
 * Parses a lock file's text: an owner record, a bare pid (locks written by video-gen 0.1), or
 * `undefined` when the text is neither (a foreign file).
 */
export function parseLockOwner(text: string): { pid: number; owner?: LockOwner } | undefined {
  const trimmed = text.trim();
  if (/^\d{1,10}$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const value = JSON.parse(trimmed) as Partial<LockOwner> | null;
    if (
      typeof value === 'object' &&
      value !== null &&
      Number.isSafeInteger(value.pid) &&
      (value.pid as number) > 0 &&
      typeof value.token === 'string' &&
      typeof value.host === 'string' &&
      (value.start === undefined || typeof value.start === 'string')
    ) {
      const owner: LockOwner = {
        pid: value.pid as number,
        start: value.start,
        host: value.host,
        token: value.token,
        createdAt: typeof value.createdAt === 'string' ? value.createdAt : '',
      };
      return { pid: owner.pid, owner };
    }
  } catch {
    // Not JSON: a foreign file.
  }
  return undefined;
}

/**
 * Whether the process that wrote a lock may still be running. Where it cannot be known (another
 * host, no /proc and signal 0 allowed), the answer is yes: a lock is only taken over from a
 * process known to be gone.
 */
export async function ownerMayBeAlive(pid: number, owner?: LockOwner): Promise<boolean> {
  if (owner && owner.host !== os.hostname()) return true;
  const stat = await procStat(pid);
  if (stat === 'gone') return false;
  if (stat) {
    // A zombie (killed, not yet reaped) or a dead task holds no lock; another start time is another process.
    if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return false;
    return owner?.start === undefined || owner.start === stat.start;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: string }).code === 'EPERM';
  }
}
