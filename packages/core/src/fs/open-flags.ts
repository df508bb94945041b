import { constants } from 'node:fs';

// Runtimes without O_NOFOLLOW (Windows) get 0: there, O_EXCL refusing any existing name and the
// dev/ino comparison after opening do the job. O_NONBLOCK keeps a FIFO swapped in from blocking the open.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Create a new file; fail if any entry (a dangling link included) has the name. */
export const CREATE_EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW;

/** Open an existing file for writing without following a link. */
export const WRITE_EXISTING = constants.O_WRONLY | NOFOLLOW | NONBLOCK;

/** Open an existing file for appending without following a link. */
export const APPEND_EXISTING = WRITE_EXISTING | constants.O_APPEND;
