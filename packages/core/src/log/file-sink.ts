import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogRecord, LogSink } from './logger.js';
import { mayWriteFile, processId } from './runtime.js';

/** Options for {@link createFileSink}. */
export interface FileSinkOptions {
  /** The log file. Its directory is created on the first write. */
  path: string;
  /** Rotate once the file would grow past this many bytes. Default 5 MiB. */
  maxBytes?: number;
  /** How many rotated files to keep (`.1` is the newest). Default 3. */
  maxFiles?: number;
}

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_FILES = 3;
const encoder = new TextEncoder();

/** One line per record: time, level, pid (several processes may share a file), message, fields. */
export function formatLine(record: LogRecord): string {
  const fields = record.fields && Object.keys(record.fields).length > 0 ? ` ${safeJson(record.fields)}` : '';
  return `${record.time} ${record.level.toUpperCase().padEnd(5)} [${processId()}] ${record.message}${fields}\n`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '"[unserialisable fields]"';
  }
}

/**
 * A sink appending one line per record to a file, rotating by size (`video_gen.log` →
 * `video_gen.log.1` → ... → `.maxFiles`, the oldest dropped). Nothing touches the disk until the
 * first record. Appends are synchronous, so lines are never lost or reordered on exit.
 *
 * If the file cannot be written (read-only file system, permissions, a sandboxed runtime) the sink
 * turns itself off quietly: logging must never break the caller.
 *
 * @example
 * ```ts
 * configureLogging({ sink: createFileSink({ path: '/var/log/app/video.log', maxBytes: 1_000_000 }) });
 * ```
 */
export function createFileSink(options: FileSinkOptions): LogSink {
  const { path } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxFiles = Math.max(0, options.maxFiles ?? DEFAULT_MAX_FILES);
  let size: number | undefined; // undefined until the first write opens the file
  let broken = false;

  const open = (): number => {
    if (!mayWriteFile(path)) throw new Error('not permitted');
    mkdirSync(dirname(path), { recursive: true });
    return fileSize(path);
  };

  const rotate = (): void => {
    if (maxFiles === 0) {
      rmSync(path, { force: true });
      return;
    }
    rmSync(`${path}.${maxFiles}`, { force: true });
    for (let i = maxFiles - 1; i >= 1; i--) renameIfExists(`${path}.${i}`, `${path}.${i + 1}`);
    renameIfExists(path, `${path}.1`);
  };

  return (record) => {
    if (broken) return;
    try {
      const line = formatLine(record);
      const bytes = encoder.encode(line).byteLength;
      size ??= open();
      if (size > 0 && size + bytes > maxBytes) {
        // Another process sharing the file may have rotated it already: trust the disk.
        size = fileSize(path);
        if (size > 0 && size + bytes > maxBytes) {
          rotate();
          size = 0;
        }
      }
      appendFileSync(path, line, 'utf8');
      size += bytes;
    } catch {
      broken = true;
    }
  };
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // absent: it will be created by the append
  }
}

function renameIfExists(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
  }
}
