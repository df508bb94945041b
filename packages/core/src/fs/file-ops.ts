import { lstat, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';

/**
 * The file system calls the safe-file helpers make, in one object so a test can make one of them
 * fail (a full disk, a read-only mount) where the real condition cannot be set up. Internal.
 */
export const fileOps = { lstat, mkdir, open, readdir, rename, stat, unlink };
