import { writeSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { retryOnDescriptorShortage } from './descriptor-retry.js';

/**
 * The file system calls themselves, in one object so a test can make one of them fail (a full
 * disk, a read-only mount, no descriptor left) where the real condition cannot be set up. Internal.
 */
export const rawFileOps = { lstat, mkdir, open, readdir, readFile, rename, rm, stat, unlink, writeFile };

type Ops = typeof rawFileOps;

/** `rawFileOps[name]`, looked up on each call (so a test's replacement is used) and retried on EMFILE/ENFILE. */
function retrying<K extends keyof Ops>(name: K): Ops[K] {
  return ((...args: unknown[]) =>
    retryOnDescriptorShortage(() =>
      (rawFileOps[name] as (...a: unknown[]) => Promise<unknown>)(...args),
    )) as Ops[K];
}

/**
 * The file system calls the safe-file helpers, the journal, the ledger and the lock make: each
 * waits out a shortage of file descriptors (see `retryOnDescriptorShortage`) instead of failing a
 * paid job, and can be replaced by a test. Internal.
 */
export const fileOps: Ops = {
  lstat: retrying('lstat'),
  mkdir: retrying('mkdir'),
  open: retrying('open'),
  readdir: retrying('readdir'),
  readFile: retrying('readFile'),
  rename: retrying('rename'),
  rm: retrying('rm'),
  stat: retrying('stat'),
  unlink: retrying('unlink'),
  writeFile: retrying('writeFile'),
};

/**
 * The synchronous calls, in one object for the same reason: a download writes each full 1 MiB
 * buffer with `writeSync` (no promise and no chunk kept alive across a wait, which cut its CPU by a
 * third and its garbage collection by three quarters). Internal.
 */
export const syncFileOps = { writeSync };
