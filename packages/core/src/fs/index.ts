export { type CreateFileOptions, createFileExclusive, writeFileExclusive } from './create-exclusive.js';
export { type EnsureDirectoryOptions, ensureDirectory } from './ensure-directory.js';
export { inspectFile } from './inspect-file.js';
export { openFileForWriting, type WriteMode } from './open-for-writing.js';
export { toFileSystemError } from './to-file-system-error.js';
export { removeTemporaryFiles, type WriteFileAtomicOptions, writeFileAtomic } from './write-atomic.js';
