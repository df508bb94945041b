import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { ValidationError } from '@video-gen/core';

/** Where finished videos go. A folder is built in; any object store fits behind the same three calls. */
export interface VideoStorage {
  /** Stores the stream under `key` (replacing what was there) and returns its URI. */
  put(key: string, body: Readable): Promise<string>;
  /** Whether something is stored under `key`. */
  exists(key: string): Promise<boolean>;
  /** Opens what is stored under `key`. */
  open(key: string): Promise<Readable>;
}

/** Keys are plain names (letters, digits, `.`, `_`, `-`), so none escapes the folder. */
function checkKey(key: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/.test(key)) {
    throw new ValidationError(
      `Invalid storage key ${JSON.stringify(key)}: use letters, digits, ".", "_" and "-".`,
      {
        code: 'invalid_storage_key',
        issues: [{ field: 'key', message: 'letters, digits, ".", "_" and "-" only' }],
      },
    );
  }
  return key;
}

/**
 * A folder (local, or a shared mount every worker sees) as video storage: `put` writes
 * `<key>.part` and renames it into place, so a reader never sees half a video; URIs are `file://`.
 *
 * @example
 * ```ts
 * const storage = folderStorage('/mnt/videos');
 * ```
 */
export function folderStorage(folder: string): VideoStorage {
  const root = path.resolve(folder);
  const at = (key: string) => path.join(root, checkKey(key));
  return {
    async put(key, body) {
      const target = at(key);
      const part = `${target}.${process.pid}.part`;
      await mkdir(root, { recursive: true });
      try {
        await pipeline(body, createWriteStream(part, { mode: 0o644 }));
        await rename(part, target);
      } catch (error) {
        await rm(part, { force: true });
        throw error;
      }
      return pathToFileURL(target).href;
    },
    async exists(key) {
      return stat(at(key)).then(
        (info) => info.isFile(),
        () => false,
      );
    },
    async open(key): Promise<ReadStream> {
      const file = at(key);
      await stat(file);
      return createReadStream(file);
    },
  };
}
