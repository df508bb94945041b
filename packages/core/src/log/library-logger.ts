import { createLogger } from './create-logger.js';
import { readLoggingEnvironment, resolveLogPath } from './environment.js';
import { createFileSink } from './file-sink.js';
import type { Logger, LogSink, LogThreshold } from './logger.js';

/** Options for {@link configureLogging}. Omitted options keep their current setting. */
export interface LoggingOptions {
  /** The lowest level written. Default: `VIDEO_GEN_LOG_LEVEL`, else `debug`. */
  level?: LogThreshold;
  /**
   * The log file (relative paths are resolved against the working directory), or `false` for
   * none. Default: `VIDEO_GEN_LOG_FILE`, else no file; `false` when only a `sink` is given.
   * `'logs/video_gen.log'` is where the Python library logs.
   */
  file?: string | false;
  /** A sink receiving every (already redacted) record, instead of the file unless `file` is also given. */
  sink?: LogSink | null;
}

interface LoggingState {
  /** Explicit settings; `undefined` means "from the environment". */
  level: LogThreshold | undefined;
  file: string | false | undefined;
  sink: LogSink | null;
  /** What the settings resolve to, computed on the first record after a change. */
  active: { sink: LogSink; level: LogThreshold } | undefined;
  logger: Logger;
}

// Shared through `globalThis` so the ESM and CJS builds (or two installed copies) log through one
// configuration and never rotate the same file from two sinks that disagree on its size.
const STATE = Symbol.for('video-gen.logging');

function state(): LoggingState {
  const g = globalThis as { [STATE]?: LoggingState };
  if (!g[STATE]) {
    const fresh: LoggingState = {
      level: undefined,
      file: undefined,
      sink: null,
      active: undefined,
      logger: noop,
    };
    fresh.logger = createLogger(
      (record) => activate(fresh).sink(record),
      () => activate(fresh).level,
    );
    g[STATE] = fresh;
  }
  return g[STATE];
}

const noop: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const discard: LogSink = () => {};

/** Resolves settings into a sink and level, reading the environment only for what is unset. */
function activate(s: LoggingState): { sink: LogSink; level: LogThreshold } {
  if (s.active) return s.active;
  const fromEnv = s.level === undefined || s.file === undefined ? readLoggingEnvironment() : undefined;
  const level = s.level ?? fromEnv?.level ?? 'debug';
  const file = s.file === undefined ? (fromEnv?.file ?? false) : s.file && resolveLogPath(s.file);
  const sinks: LogSink[] = [];
  if (file) sinks.push(createFileSink({ path: file }));
  if (s.sink) sinks.push(s.sink);
  s.active = { level, sink: tee(sinks) };
  return s.active;
}

function tee(sinks: LogSink[]): LogSink {
  if (sinks.length === 0) return discard;
  if (sinks.length === 1) return sinks[0]!;
  return (record) => {
    for (const sink of sinks) {
      try {
        sink(record);
      } catch {
        // One failing sink must not starve the others.
      }
    }
  };
}

/**
 * The process-wide library logger (the Python `get_library_logger()`). It writes nothing until
 * asked: set `VIDEO_GEN_LOG_FILE` (the Python library's `logs/video_gen.log`, or any path) or call
 * {@link configureLogging} to get detailed DEBUG lines in a file, rotated at 5 MiB with 3 old files
 * kept, or to send records to a sink of your own. `VIDEO_GEN_LOG_LEVEL` sets the level.
 * Secrets are redacted from every message and field. The same object is returned on every call
 * and follows later configuration changes.
 *
 * @example
 * ```ts
 * const log = getLibraryLogger();
 * log.info('submitted job', { provider: 'veo3', jobId });
 * ```
 */
export function getLibraryLogger(): Logger {
  return state().logger;
}

/**
 * Changes where and how much the library logs. Settings not given are kept. Giving `file` or
 * `sink` replaces the destinations: `{ sink }` alone sends records only to `sink`;
 * `{ sink, file }` sends them to both.
 *
 * @example
 * ```ts
 * configureLogging({ file: 'logs/video_gen.log' }); // the Python library's log file
 * configureLogging({ level: 'info', file: '/tmp/video-gen.log' });
 * configureLogging({ file: false }); // no file at all
 * configureLogging({ sink: (r) => myLogger[r.level](r.message, r.fields) });
 * ```
 */
export function configureLogging(options: LoggingOptions): void {
  const s = state();
  if (options.level !== undefined) s.level = options.level;
  if (options.file !== undefined || options.sink !== undefined) {
    s.sink = options.sink ?? null;
    s.file = options.file ?? (s.sink ? false : undefined);
  }
  s.active = undefined;
}

/**
 * Sends every log record to `sink` instead of the file, or, with `null`, restores the default
 * destination (the file from `VIDEO_GEN_LOG_FILE`, else nowhere).
 * To silence logging altogether, use `configureLogging({ level: 'silent' })`.
 *
 * @example
 * ```ts
 * setLogSink((record) => console.error(record.level, record.message, record.fields ?? ''));
 * ```
 */
export function setLogSink(sink: LogSink | null): void {
  if (sink) {
    configureLogging({ sink });
    return;
  }
  const s = state();
  s.sink = null;
  s.file = undefined;
  s.active = undefined;
}

/** Forgets every setting so the next record re-reads the environment. For tests only. */
export function resetLogging(): void {
  const s = state();
  s.level = undefined;
  s.file = undefined;
  s.sink = null;
  s.active = undefined;
}
