import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';

/**
 * What the `started` marker holds: who created it and when. A submit killed after creating it
 * and before recording ffmpeg's pid leaves a marker whose owner is dead; that is how a later
 * submit or status poll knows the render may be started again (once: `token` names the claim).
 */
export interface StartMarker {
  /** The process that created the marker. */
  readonly pid: number;
  /** Its start time in clock ticks since boot (Linux), so a reused pid is not taken for it. */
  readonly processStart?: number | undefined;
  /** Epoch milliseconds. */
  readonly startedAt: number;
  /** Unique per marker: the restart claim is `restart-<token>`, created exclusively. */
  readonly token: string;
}

/** The start time of process `pid` in clock ticks since boot, where /proc tells it. */
async function processStartOf(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isSafeInteger(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/** A marker naming this process. */
export async function newStartMarker(now = Date.now()): Promise<StartMarker> {
  return {
    pid: process.pid,
    processStart: await processStartOf(process.pid),
    startedAt: now,
    token: randomBytes(8).toString('hex'),
  };
}

/** Parses a marker; `undefined` for one written by an older version or by `removeJob` (`cancelled`). */
export function parseStartMarker(text: string): StartMarker | undefined {
  try {
    const value = JSON.parse(text) as Partial<StartMarker> | null;
    if (
      typeof value?.pid === 'number' &&
      typeof value.startedAt === 'number' &&
      typeof value.token === 'string' &&
      /^[0-9a-f]{16}$/.test(value.token)
    )
      return value as StartMarker;
  } catch {
    // Not JSON: an older marker.
  }
  return undefined;
}

/** Whether the process that created the marker still runs (the same process, not one that reused its pid). */
export async function isMarkerOwnerAlive(marker: StartMarker): Promise<boolean> {
  if (marker.pid === process.pid) return true;
  try {
    process.kill(marker.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (marker.processStart === undefined) return true;
  const now = await processStartOf(marker.pid);
  return now === undefined || now === marker.processStart;
}

/**
 * The pid of a running process whose command line holds `marker` (the job's progress path), where
 * /proc can be searched: finds an ffmpeg whose starter died before recording its pid.
 */
export async function findProcessByMarker(marker: string): Promise<number | undefined> {
  let names: string[];
  try {
    names = await readdir('/proc');
  } catch {
    return undefined;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const commandLine = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.includes(marker)) return Number(name);
  }
  return undefined;
}
