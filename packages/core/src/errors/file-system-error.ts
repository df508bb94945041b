import { VideoGenError, type VideoGenErrorOptions } from './video-gen-error.js';

/**
 * Why a local file operation failed:
 * - `unsafe_path`: a link, a folder or another non-regular (or foreign) file sits at a name the library creates; it is never written through.
 * - `disk_full`: no space left (ENOSPC) or the quota is used up (EDQUOT).
 * - `read_only`: the file system is mounted read-only (EROFS).
 * - `permission_denied`: the process may not write there (EACCES, EPERM).
 * - `too_many_open_files`: no file descriptor was free (EMFILE, ENFILE) even after waiting for one; the job stays resumable.
 * - `io_failed`: any other local I/O failure.
 */
export type FileSystemErrorCode =
  | 'unsafe_path'
  | 'disk_full'
  | 'read_only'
  | 'permission_denied'
  | 'too_many_open_files'
  | 'io_failed';

/**
 * A file the library creates, writes or removes could not be handled safely. `path` names the
 * file and the message names the path and the cause. Nothing half-written is left behind; a paid
 * job's journal is kept where it could be written, so the job can be resumed once the cause is fixed.
 *
 * @example
 * ```ts
 * try { await generateVideo({ prompt: 'waves', outPath: '/mnt/ro/waves.mp4' }); }
 * catch (error) { if (FileSystemError.isInstance(error) && error.code === 'read_only') console.error(error.path); }
 * ```
 */
export class FileSystemError extends VideoGenError {
  static override readonly errorName: string = 'FileSystemError';
  declare readonly code: FileSystemErrorCode;
  /** The file or folder at fault. */
  readonly path: string;
  constructor(message: string, code: FileSystemErrorCode, path: string, options: VideoGenErrorOptions = {}) {
    super(message, code, options);
    this.path = path;
  }
}
