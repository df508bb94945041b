import path from 'node:path';
import type { GenerationRecord } from '@video-gen/core';
import { openRegularFile } from '../media/send-file.js';

/**
 * The path a record names for its video, when it is a plain absolute path: no `..`, nothing to
 * normalise. The studio serves no other file than these (and frames it extracted from them).
 */
export function recordedVideoPath(record: GenerationRecord): string | undefined {
  const file = record.outPath;
  if (typeof file !== 'string' || !path.isAbsolute(file) || path.normalize(file) !== file) return undefined;
  if (file.split(/[\\/]/).includes('..')) return undefined;
  return file;
}

/**
 * Opens a record's video: a regular file at exactly the recorded path (a link there is not
 * followed) that starts like an MP4. Undefined otherwise: no other file is ever read for a page.
 */
export async function openRecordedVideo(record: GenerationRecord) {
  const file = recordedVideoPath(record);
  if (file === undefined) return undefined;
  const opened = await openRegularFile(file);
  if (!opened) return undefined;
  const head = new Uint8Array(8);
  const { bytesRead } = await opened.handle.read(head, 0, 8, 0);
  if (bytesRead < 8 || new TextDecoder('latin1').decode(head.subarray(4, 8)) !== 'ftyp') {
    await opened.handle.close();
    return undefined;
  }
  return { ...opened, file };
}

/** Size and modification time of a record's video, to key cached frames; undefined when there is none. */
export async function videoIdentity(
  record: GenerationRecord,
): Promise<{ file: string; key: string } | undefined> {
  const opened = await openRecordedVideo(record);
  if (!opened) return undefined;
  const stats = await opened.handle.stat();
  await opened.handle.close();
  return { file: opened.file, key: `${record.id}-${stats.size}-${Math.floor(stats.mtimeMs)}` };
}
