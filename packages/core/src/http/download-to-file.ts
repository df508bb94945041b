import { rm } from 'node:fs/promises';
import type { VideoSource } from '../contract/video-source.js';
import { FileSystemError } from '../errors/file-system-error.js';
import { DownloadError } from '../errors/index.js';
import { inspectFile } from '../fs/inspect-file.js';
import { declaredLength, parseContentRange } from './content-range.js';
import { discardBody } from './discard-body.js';
import { type DownloadFailures, downloadFailures } from './download-failures.js';
import { createHttpClient } from './http-client.js';
import { openDownload } from './open-download.js';
import { openPartFile, type PartFile } from './part-file.js';
import { streamToFile } from './stream-to-file.js';

/** Options for {@link downloadToFile}. */
export interface DownloadToFileOptions {
  /** The `fetch` to use; `globalThis.fetch` by default. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Stops the download promptly; the part file is kept for a later resume. */
  signal?: AbortSignal | undefined;
  /** The largest video accepted, in bytes. Default 4 GiB. */
  maxBytes?: number | undefined;
  /** Allow loopback URLs (tests, local servers), over http too. */
  allowLoopback?: boolean | undefined;
  /** Called after each chunk is written: bytes in the file so far, and the full size when known. */
  onBytes?: ((received: number, total: number | undefined) => void) | undefined;
  /** The provider id, for error messages. */
  provider?: string | undefined;
}

/** What {@link downloadToFile} wrote. */
export interface DownloadToFileResult {
  /** The size of the finished file, resumed bytes included. */
  bytes: number;
}

/** The default `maxBytes`: 4 GiB, far above any generated clip. */
export const DEFAULT_MAX_DOWNLOAD_BYTES = 4 * 1024 ** 3;

/**
 * Streams a provider's video to `partPath` in constant memory.
 *
 * For a `url` source: the URL (and every redirect, at most 5) must pass {@link checkDownloadUrl};
 * `source.headers` go only to `source.credentialOrigin`; if `partPath` already holds bytes from an
 * earlier attempt they are kept and only the rest is requested (`Range`), or the file starts over
 * when the server sends the whole body. For a `stream` source the file is written from the start.
 *
 * Failures are DownloadErrors with a `code`: `truncated` (retryable; the part file is kept so the
 * next call resumes), `too_large` (the part file is deleted), `url_refused`, `url_expired` (ask the
 * provider for a fresh URL), `size_mismatch`, `range_mismatch` (retryable, the part is deleted);
 * HTTP statuses map to `ApiRequestError` and its subclasses as {@link toApiError} does. An abort
 * throws the signal's reason and keeps the part file.
 *
 * @example
 * ```ts
 * const { bytes } = await downloadToFile(source, 'out/clip.mp4.part', { signal, maxBytes: 2 ** 30 });
 * ```
 */
export async function downloadToFile(
  source: VideoSource,
  partPath: string,
  options: DownloadToFileOptions = {},
): Promise<DownloadToFileResult> {
  options.signal?.throwIfAborted();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  const fail = downloadFailures(options.provider);
  if (source.size !== undefined && source.size > maxBytes) {
    if (source.type === 'stream') void source.body.cancel().catch(() => {});
    throw fail.tooLarge(source.size, maxBytes);
  }
  if (source.type === 'stream') {
    const body = source.body;
    const bytes = await deleteOnFatal(partPath, async () =>
      streamToFile(body, await openOrCancel(partPath, 'truncate', body), {
        start: 0,
        maxBytes,
        total: source.size,
        signal: options.signal,
        onBytes: options.onBytes,
        provider: options.provider,
      }),
    );
    await checkFinalSize(partPath, bytes, undefined, source.size, fail);
    return { bytes };
  }

  let offset = await sizeOf(partPath);
  if (source.size !== undefined && offset > source.size) {
    await rm(partPath, { force: true });
    offset = 0;
  }
  // Opened before the request: an unsafe name is refused before anything is fetched, and the body
  // is read the moment it arrives (a connection cut early would otherwise drop what was buffered).
  const sink = await openPartFile(partPath, 'append');
  const drop = async () => {
    await sink.close().catch(() => {});
    await rm(partPath, { force: true });
  };
  let handedOver = false;
  try {
    const response = await openDownload(source.url, {
      client: createHttpClient({ fetch: options.fetch }),
      credentials: source.headers,
      credentialOrigin: source.credentialOrigin,
      // Identity encoding keeps byte counts and Range offsets meaningful.
      headers: { 'accept-encoding': 'identity', ...(offset > 0 ? { range: `bytes=${offset}-` } : {}) },
      signal: options.signal,
      allowLoopback: options.allowLoopback,
      provider: options.provider,
    });

    const range = parseContentRange(response.headers.get('content-range'));
    let start = 0;
    let total: number | undefined;
    if (response.status === 416) {
      await discardBody(response);
      // The part already holds everything: an earlier attempt finished but was not renamed.
      if (offset > 0 && range?.size === offset) {
        await sink.close();
        await checkFinalSize(partPath, offset, range.size, source.size, fail);
        options.onBytes?.(offset, offset);
        return { bytes: offset };
      }
      await drop();
      throw fail.rangeMismatch(`the server refused to resume at byte ${offset}`);
    }
    if (response.status === 206) {
      if (offset === 0 || range?.start !== offset) {
        await discardBody(response);
        await drop();
        throw fail.rangeMismatch(
          `asked for bytes from ${offset}, got ${response.headers.get('content-range') ?? 'no Content-Range'}`,
        );
      }
      start = offset;
      total = range.size;
    } else {
      // A 200 to a Range request: the server ignores ranges, so the file starts over.
      total = declaredLength(response.headers);
    }
    if (total !== undefined && source.size !== undefined && total !== source.size) {
      await discardBody(response);
      await drop();
      throw fail.sizeMismatch(`the server announces ${total} bytes, the provider said ${source.size}`);
    }
    if (total !== undefined && total > maxBytes) {
      await discardBody(response);
      await drop();
      throw fail.tooLarge(total, maxBytes);
    }
    if (start === 0 && offset > 0) await sink.restart();
    const body = response.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    handedOver = true;
    const bytes = await deleteOnFatal(partPath, () =>
      streamToFile(body, sink, {
        start,
        maxBytes,
        total: total ?? source.size,
        signal: options.signal,
        onBytes: options.onBytes,
        provider: options.provider,
      }),
    );
    await checkFinalSize(partPath, bytes, total, source.size, fail);
    return { bytes };
  } finally {
    if (!handedOver) {
      await sink.close().catch(() => {});
      // A request that failed before any byte leaves no empty part behind.
      if (offset === 0) await removeIfEmpty(partPath);
    }
  }
}

/** Removes the part file this call created when nothing was written to it. */
async function removeIfEmpty(partPath: string): Promise<void> {
  const stats = await inspectFile(partPath).catch(() => undefined);
  if (stats?.size === 0) await rm(partPath, { force: true }).catch(() => {});
}

/** A short file is kept for resuming; a file longer than announced is wrong and is deleted. */
async function checkFinalSize(
  partPath: string,
  bytes: number,
  total: number | undefined,
  expected: number | undefined,
  fail: DownloadFailures,
): Promise<void> {
  const want = total ?? expected;
  if (want === undefined) return;
  if (bytes < want) throw fail.truncated(bytes, want);
  if (bytes > want) {
    await rm(partPath, { force: true });
    throw fail.sizeMismatch(`got ${bytes} bytes, expected ${want}`);
  }
}

/** Opens the part file; when that fails, the body is cancelled so the connection is not left open. */
async function openOrCancel(
  partPath: string,
  mode: 'append' | 'truncate',
  body: ReadableStream<Uint8Array>,
): Promise<PartFile> {
  try {
    return await openPartFile(partPath, mode);
  } catch (error) {
    void body.cancel().catch(() => {});
    throw error;
  }
}

/**
 * Runs the copy. A `too_large` failure deletes the part file, since resuming it cannot help; so
 * does a local write failure (full disk, read-only, ...): a half-written part is not left behind.
 * What sits at an unsafe name is never touched.
 */
async function deleteOnFatal<T>(partPath: string, copy: () => Promise<T>): Promise<T> {
  try {
    return await copy();
  } catch (error) {
    const tooLarge = DownloadError.isInstance(error) && error.code === 'too_large';
    const localFailure = FileSystemError.isInstance(error) && error.code !== 'unsafe_path';
    if (tooLarge || localFailure) await rm(partPath, { force: true }).catch(() => {});
    throw error;
  }
}

/** Bytes an earlier attempt left in the part file; a link or foreign file there is refused before any request. */
async function sizeOf(path: string): Promise<number> {
  return (await inspectFile(path, { writingInto: true }))?.size ?? 0;
}
