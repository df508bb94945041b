import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

const CHUNK = 256 * 1024;
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** Opens a regular file without following a link at its name; undefined when it is not one. */
export async function openRegularFile(
  file: string,
): Promise<{ handle: FileHandle; size: number } | undefined> {
  const handle = await open(file, constants.O_RDONLY | NO_FOLLOW).catch(() => undefined);
  if (!handle) return undefined;
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    return undefined;
  }
  return { handle, size: stats.size };
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` → an inclusive range, 'unsatisfiable', or undefined (whole file). */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

function streamRange(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const length = Math.min(CHUNK, end + 1 - position);
      if (length <= 0) {
        await handle.close();
        controller.close();
        return;
      }
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead === 0) {
        await handle.close();
        controller.close();
        return;
      }
      position += bytesRead;
      controller.enqueue(buffer.subarray(0, bytesRead));
    },
    async cancel() {
      await handle.close();
    },
  });
}

/**
 * A response for an already opened file, honouring one HTTP Range (so a `<video>` can seek):
 * 206 with `Content-Range`, 416 when the range is outside the file, 200 for the whole file.
 */
export async function sendFile(
  opened: { handle: FileHandle; size: number },
  type: string,
  rangeHeader: string | undefined,
  method: string,
): Promise<Response> {
  const { handle, size } = opened;
  const range = parseRange(rangeHeader, size);
  const headers: Record<string, string> = {
    'content-type': type,
    'accept-ranges': 'bytes',
    'cache-control': 'private, max-age=0',
  };
  if (range === 'unsatisfiable') {
    await handle.close();
    return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` } });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  headers['content-length'] = String(Math.max(0, end + 1 - start));
  if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`;
  const status = range ? 206 : 200;
  if (method === 'HEAD' || size === 0) {
    await handle.close();
    return new Response(null, { status, headers });
  }
  return new Response(streamRange(handle, start, end), { status, headers });
}
