import { syncFileOps } from '../fs/file-ops.js';
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

const BUFFER_BYTES = 1024 * 1024;
/** Buffers kept for the next part files (one each): twice the default download concurrency. */
const MAX_POOLED = 16;
const pool: Uint8Array[] = [];
function takeBuffer(): Uint8Array {
  return pool.pop() ?? new Uint8Array(BUFFER_BYTES);
}
function giveBack(buffer: Uint8Array): void {
  if (pool.length < MAX_POOLED) pool.push(buffer);
}

/**
 * Opens `path` for writing from the start (`truncate`) or after what a previous attempt left
 * (`append`), never through a link or into a file the library did not create (see
 * `openFileForWriting`). Chunks are gathered into one reused 1 MiB buffer (taken from a small pool
 * shared by the downloads of the process), written with one synchronous `write` each time it is
 * full: a MiB lands in the page cache in well under a millisecond, and no chunk stays alive across
 * a wait, so the collector has next to nothing to do. `close` writes what is left. Failures are
 * FileSystemErrors naming the path and cause.
 */
export async function openPartFile(path: string, mode: 'append' | 'truncate'): Promise<PartFile> {
  const handle = await openFileForWriting(path, mode);
  let failure: unknown;
  let closed = false;
  const failed = () => toFileSystemError(failure, path, 'write');
  const buffer = takeBuffer();
  let used = 0;
  /** Writes the gathered bytes. */
  const flush = () => {
    if (failure !== undefined) throw failed();
    try {
      for (let offset = 0; offset < used; )
        offset += syncFileOps.writeSync(handle.fd, buffer, offset, used - offset);
    } catch (error) {
      failure ??= error;
      throw failed();
    } finally {
      used = 0;
    }
  };
  return {
    async write(chunk) {
      if (closed) throw new Error(`${path} is closed`);
      if (failure !== undefined) throw failed();
      for (let offset = 0; offset < chunk.byteLength; ) {
        const take = Math.min(chunk.byteLength - offset, BUFFER_BYTES - used);
        buffer.set(chunk.subarray(offset, offset + take), used);
        used += take;
        offset += take;
        if (used === BUFFER_BYTES) flush();
      }
    },
    async restart() {
      used = 0;
      if (failure !== undefined) throw failed();
      try {
        await handle.truncate(0);
      } catch (error) {
        failure ??= error;
        throw failed();
      }
    },
    async close() {
      if (!closed) {
        closed = true;
        try {
          flush();
        } catch {
          // Recorded in `failure`, reported below.
        }
        giveBack(buffer);
        await handle.close().catch((error: unknown) => {
          failure ??= error;
        });
      }
      if (failure !== undefined) throw failed();
    },
  };
}
