import { FileSystemError, type FileSystemErrorCode } from '../errors/file-system-error.js';
import { VideoGenError } from '../errors/video-gen-error.js';

const CAUSES: Readonly<Record<string, readonly [FileSystemErrorCode, string]>> = {
  ENOSPC: ['disk_full', 'no space left on the device'],
  EDQUOT: ['disk_full', 'the disk quota is used up'],
  EROFS: ['read_only', 'the file system is read-only'],
  EACCES: ['permission_denied', 'permission denied'],
  EPERM: ['permission_denied', 'operation not permitted'],
  ELOOP: ['unsafe_path', 'it is a symbolic link'],
  EISDIR: ['unsafe_path', 'a folder is in the way'],
  ENOTDIR: ['unsafe_path', 'a part of the path is not a folder'],
  EMFILE: [
    'too_many_open_files',
    'this process has too many open files, even after waiting for some to close',
  ],
  ENFILE: ['too_many_open_files', 'the system has too many open files, even after waiting for some to close'],
};

/** Codes worth another attempt once the cause has passed: the job is kept for a resume. */
const RETRYABLE = new Set(['too_many_open_files']);

/**
 * Turns a failed local file operation into a {@link FileSystemError} naming the path, what was
 * being done and the cause (ENOSPC/EDQUOT → `disk_full`, EROFS → `read_only`, EACCES/EPERM →
 * `permission_denied`, EMFILE/ENFILE → `too_many_open_files` (retryable), anything else → `io_failed`). A video-gen error is returned unchanged.
 *
 * @example
 * ```ts
 * try { await writeFile(file, data); } catch (error) { throw toFileSystemError(error, file, 'write'); }
 * ```
 */
export function toFileSystemError(error: unknown, path: string, action: string): VideoGenError {
  if (VideoGenError.isInstance(error)) return error;
  const errno = (error as { code?: unknown } | null)?.code;
  const known = typeof errno === 'string' ? CAUSES[errno] : undefined;
  const [code, cause] = known ?? [
    'io_failed' as const,
    error instanceof Error ? error.message : String(error),
  ];
  const suffix = typeof errno === 'string' && known ? ` (${errno})` : '';
  return new FileSystemError(`Could not ${action} ${path}: ${cause}${suffix}.`, code, path, {
    cause: error,
    ...(RETRYABLE.has(code) ? { retryable: true } : {}),
  });
}
