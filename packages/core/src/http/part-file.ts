import type { FileHandle } from 'node:fs/promises';
import { openFileForWriting } from '../fs/open-for-writing.js';
import { toFileSystemError } from '../fs/to-file-system-error.js';

/** A file being written chunk by chunk. `write` resolves once the chunk may be followed by another. */
export interface PartFile {
  write(chunk: Uint8Array): Promise<void>;
  /** Empties the file, so the next write starts it over. */
  restart(): Promise<void>;
  /** Flushes and closes the file; rejects if any write failed. */
  close(): Promise<void>;
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let offset = 0; offset < chunk.byteLength; ) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

/**
 * Opens `path` for writing from the start (`truncate`) or after what a previous attempt left
 * (`append`), never through a link or into a file the library did not create (see
 * `openFileForWriting`). One chunk is written while the next one arrives from the network, so the
 * disk stays busy and memory stays flat. Failures are FileSystemErrors naming the path and cause.
 */
export async function openPartFile(path: string, mode: 'append' | 'truncate'): Promise<PartFile> {
  const handle = await openFileForWriting(path, mode);
  let inFlight: Promise<void> = Promise.resolve();
  let failure: unknown;
  let closed = false;
  const failed = () => toFileSystemError(failure, path, 'write');
  return {
    async write(chunk) {
      // Backpressure: the previous chunk must be on disk before this one is taken.
      await inFlight;
      if (failure !== undefined) throw failed();
      inFlight = writeAll(handle, chunk).catch((error: unknown) => {
        failure ??= error;
      });
    },
    async restart() {
      await inFlight;
      if (failure !== undefined) throw failed();
      try {
        await handle.truncate(0);
      } catch (error) {
        failure ??= error;
        throw failed();
      }
    },
    async close() {
      await inFlight;
      if (!closed) {
        closed = true;
        await handle.close().catch((error: unknown) => {
          failure ??= error;
        });
      }
      if (failure !== undefined) throw failed();
    },
  };
}
