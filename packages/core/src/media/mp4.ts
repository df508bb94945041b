import { DownloadError } from '../errors/index.js';
import { fileOps } from '../fs/file-ops.js';

/**
 * Checks that a downloaded file is an MP4 (an ISO base media file: bytes 4..8 are `ftyp`), so an
 * HTML or JSON error page served with status 200 is not handed over as a video.
 *
 * @throws {DownloadError} `not_mp4` when the header is wrong (the message says what was found),
 * `empty_file` for a zero-byte file, `unreadable` when the file cannot be read.
 */
export async function assertMp4File(path: string): Promise<void> {
  let head: Uint8Array;
  let size: number;
  try {
    const file = await fileOps.open(path, 'r');
    try {
      size = (await file.stat()).size;
      const buffer = new Uint8Array(12);
      const { bytesRead } = await file.read(buffer, 0, 12, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch (error) {
    throw new DownloadError(`Could not read the downloaded video ${path}: ${(error as Error).message}`, {
      code: 'unreadable',
      cause: error,
    });
  }
  if (size === 0) {
    throw new DownloadError(`The downloaded video ${path} is empty (0 bytes).`, { code: 'empty_file' });
  }
  if (head.length < 12 || ascii(head.subarray(4, 8)) !== 'ftyp') {
    const found = describe(head, size);
    throw new DownloadError(`The downloaded file ${path} is not an MP4: it looks like ${found}.`, {
      code: 'not_mp4',
    });
  }
}

/** A guess at what a non-MP4 download is, from its first bytes: vendors' error pages are the usual case. */
function describe(head: Uint8Array, size: number): string {
  const text = ascii(head).trimStart().toLowerCase();
  if (text.startsWith('<')) return `an HTML/XML document (${size} bytes; an error page?)`;
  if (/^[[{]/.test(text)) return `a JSON document (${size} bytes; an error response?)`;
  const hex = Array.from(head, (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `${size} bytes starting with ${hex}`;
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
