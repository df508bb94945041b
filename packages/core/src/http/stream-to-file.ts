import { DownloadError } from '../errors/index.js';
import type { PartFile } from './part-file.js';

/** Options for {@link streamToFile}. */
export interface StreamToFileOptions {
  /** Bytes already in the file (a resumed download); counted towards `maxBytes` and progress. */
  start: number;
  /** The most the file may hold. */
  maxBytes: number;
  /** The full size expected, for progress. */
  total: number | undefined;
  signal?: AbortSignal | undefined;
  onBytes?: ((received: number, total: number | undefined) => void) | undefined;
  provider?: string | undefined;
}

/**
 * Copies `body` into `sink` one chunk at a time, waiting for the disk before reading on, so memory
 * stays flat whatever the size. Returns the bytes the file holds afterwards (`start` included).
 *
 * A body that fails mid-way is reported as a retryable `truncated` DownloadError: what arrived is
 * on disk, so the next attempt resumes from it. Passing `maxBytes` gives `too_large`. An abort
 * throws the signal's reason. The sink is always closed, so the caller may delete or keep the file.
 */
export async function streamToFile(
  body: ReadableStream<Uint8Array>,
  sink: PartFile,
  options: StreamToFileOptions,
): Promise<number> {
  const { signal } = options;
  const reader = body.getReader();
  // Cancelling the reader ends a pending read even when the stream's source ignores the signal.
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener('abort', onAbort, { once: true });
  let received = options.start;
  let failed = true;
  try {
    for (;;) {
      signal?.throwIfAborted();
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        signal?.throwIfAborted();
        throw new DownloadError(
          `The video download broke off after ${received} bytes: ${error instanceof Error ? error.message : String(error)}`,
          { code: 'truncated', retryable: true, provider: options.provider, cause: error },
        );
      }
      if (chunk.done) break;
      received += chunk.value.byteLength;
      if (received > options.maxBytes) {
        throw new DownloadError(`The video is larger than the ${options.maxBytes}-byte limit (maxBytes).`, {
          code: 'too_large',
          retryable: false,
          provider: options.provider,
        });
      }
      await sink.write(chunk.value);
      options.onBytes?.(received, options.total);
    }
    signal?.throwIfAborted();
    failed = false;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (failed) {
      void reader.cancel().catch(() => {});
      // The first failure is the one worth reporting; a close error after it would hide it.
      await sink.close().catch(() => {});
    }
  }
  await sink.close();
  return received;
}
