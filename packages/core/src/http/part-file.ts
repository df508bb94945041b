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

// Network chunks are small (16–64 KiB from fetch); copying them into one of two reused 1 MiB
// buffers and writing a full buffer at a time makes 1 write per MiB instead of dozens, and leaves
// nothing new for the garbage collector to sweep. One buffer fills while the other is written.
const BUFFER_BYTES = 1024 * 1024;
/** Buffers kept for the next part files: two per download of the default download concurrency. */
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
 * `openFileForWriting`). Chunks are gathered into two reused 1 MiB buffers: one is written while
 * the next one fills from the network, so the disk stays busy and memory stays flat. `close`
 * writes what is left. Failures are FileSystemErrors naming the path and cause.
 */
export async function openPartFile(path: string, mode: 'append' | 'truncate'): Promise<PartFile> {
  const handle = await openFileForWriting(path, mode);
  let inFlight: Promise<void> = Promise.resolve();
  let failure: unknown;
  let closed = false;
  const failed = () => toFileSystemError(failure, path, 'write');
  let filling = takeBuffer();
  let spare = takeBuffer();
  let used = 0;
  /** Starts writing the filled bytes, after the previous write; swaps the buffers. */
  const flush = async () => {
    // Backpressure: the previous buffer must be on disk before this one is handed over.
    await inFlight;
    if (failure !== undefined) throw failed();
    if (used === 0) return;
    const full = filling.subarray(0, used);
    [filling, spare] = [spare, filling];
    used = 0;
    inFlight = writeAll(handle, full).catch((error: unknown) => {
      failure ??= error;
    });
  };
  return {
    async write(chunk) {
      if (closed) throw new Error(`${path} is closed`);
      if (failure !== undefined) throw failed();
      for (let offset = 0; offset < chunk.byteLength; ) {
        const take = Math.min(chunk.byteLength - offset, BUFFER_BYTES - used);
        filling.set(chunk.subarray(offset, offset + take), used);
        used += take;
        offset += take;
        if (used === BUFFER_BYTES) await flush();
      }
    },
    async restart() {
      used = 0;
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
      if (!closed) {
        closed = true;
        await flush().catch(() => {});
        await inFlight;
        // Nothing writes from or into the buffers any more: the next part file reuses them.
        giveBack(filling);
        giveBack(spare);
        await handle.close().catch((error: unknown) => {
          failure ??= error;
        });
      }
      if (failure !== undefined) throw failed();
    },
  };
}
