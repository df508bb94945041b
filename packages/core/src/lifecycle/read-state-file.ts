import { constants, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { fileOps } from '../fs/file-ops.js';

/** What reading a state file (a journal, a ledger record) found. */
export type StateFileRead =
  | { readonly kind: 'missing' }
  | { readonly kind: 'text'; readonly text: string }
  /** Something other than a regular file sits at the path: `what` says what ("a FIFO", ...). */
  | { readonly kind: 'not-file'; readonly what: string }
  | { readonly kind: 'too-large'; readonly bytes: number };

/** How to read a state file. */
export interface ReadStateFileOptions {
  /** Larger files are refused unread: state files are small. */
  readonly maxBytes: number;
  /** Whether a symbolic link at the path is followed (a user-given journal) or refused (a file the library names). */
  readonly followLinks: boolean;
}

/** How a non-regular file is named in messages. */
export function describeFileType(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

// Windows has neither flag; there a FIFO cannot sit at a path and links are checked by lstat.
const NONBLOCK = constants.O_NONBLOCK ?? 0;
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Reads a small state file as UTF-8, checking its type first: a FIFO, socket, device or directory
 * is reported at once and never opened for reading (a FIFO would block forever). The open is
 * non-blocking and the type is checked again on the open descriptor, so a file swapped in between
 * cannot hang the read either. Other I/O failures are thrown as they come.
 */
export async function readStateFile(path: string, options: ReadStateFileOptions): Promise<StateFileRead> {
  let before: Stats;
  try {
    before = options.followLinks ? await fileOps.stat(path) : await fileOps.lstat(path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  if (!before.isFile()) return { kind: 'not-file', what: describeFileType(before) };
  if (before.size > options.maxBytes) return { kind: 'too-large', bytes: before.size };
  const flags = constants.O_RDONLY | NONBLOCK | (options.followLinks ? 0 : NOFOLLOW);
  let handle: FileHandle;
  try {
    // fileOps waits out a moment without a free file descriptor (EMFILE) instead of failing.
    handle = await fileOps.open(path, flags);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    // O_NOFOLLOW on a link swapped in after the lstat.
    if (code === 'ELOOP' || code === 'EMLINK') return { kind: 'not-file', what: 'a symbolic link' };
    throw error;
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) return { kind: 'not-file', what: describeFileType(opened) };
    if (opened.size > options.maxBytes) return { kind: 'too-large', bytes: opened.size };
    return { kind: 'text', text: await handle.readFile('utf8') };
  } finally {
    await handle.close();
  }
}
