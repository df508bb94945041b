import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { DownloadError } from '../errors/index.js';

/** A file being written chunk by chunk. `write` resolves once the chunk may be followed by another. */
export interface PartFile {
  write(chunk: Uint8Array): Promise<void>;
  /** Flushes and closes the file; rejects if any write failed. */
  close(): Promise<void>;
}

/**
 * Up to this much may sit in the write stream's buffer before `write` waits for the disk: enough to
 * keep the disk busy while the network delivers the next chunks, small enough to keep memory flat.
 */
const HIGH_WATER_MARK = 1024 * 1024;

/** Opens `path` for writing (`truncate`) or for appending to what a previous attempt left (`append`). */
export function openPartFile(path: string, mode: 'append' | 'truncate'): PartFile {
  const stream = createWriteStream(path, {
    flags: mode === 'append' ? 'a' : 'w',
    highWaterMark: HIGH_WATER_MARK,
  });
  let failure: unknown;
  // Without a listener an 'error' event would crash the process; remember it and report it on the next call.
  stream.on('error', (error) => {
    failure ??= error;
  });
  const fail = (error: unknown): DownloadError =>
    new DownloadError(`Could not write ${path}: ${error instanceof Error ? error.message : String(error)}`, {
      code: 'write_failed',
      retryable: false,
      cause: error,
    });
  return {
    async write(chunk) {
      if (failure !== undefined) throw fail(failure);
      // Backpressure: stop pulling from the network until the disk has caught up.
      if (!stream.write(chunk)) {
        try {
          await once(stream, 'drain');
        } catch (error) {
          throw fail(error);
        }
      }
    },
    async close() {
      if (failure === undefined) stream.end();
      else stream.destroy();
      try {
        await finished(stream);
      } catch (error) {
        throw fail(failure ?? error);
      }
      if (failure !== undefined) throw fail(failure);
    },
  };
}
