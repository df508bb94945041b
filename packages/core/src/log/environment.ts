import { isAbsolute, join } from 'node:path';
import { type LogThreshold, parseThreshold } from './logger.js';
import { currentDirectory, readEnvVar } from './runtime.js';

/**
 * The Python library's log file, relative to the working directory: the documented value to opt
 * in with (`VIDEO_GEN_LOG_FILE=logs/video_gen.log`). It is never used unless asked for.
 */
export const PYTHON_PARITY_LOG_FILE = join('logs', 'video_gen.log');

/** Values of `VIDEO_GEN_LOG_FILE` that switch the file off. */
const OFF = new Set(['', 'off', 'none', 'false', '0', 'no', 'disabled']);

/** Logging settings as the environment gives them. */
export interface LoggingEnvironment {
  /** The absolute log file path, or `false` when file logging is off or impossible. */
  file: string | false;
  level: LogThreshold;
}

/**
 * Reads `VIDEO_GEN_LOG_FILE` (a path to opt in to file logging; unset, or off/none/false/0/empty,
 * means no file: a library writes no file its user did not ask for) and `VIDEO_GEN_LOG_LEVEL`
 * (debug|info|warn|error|silent; default debug, unknown values too).
 */
export function readLoggingEnvironment(): LoggingEnvironment {
  const level = parseThreshold(readEnvVar('VIDEO_GEN_LOG_LEVEL')) ?? 'debug';
  const raw = readEnvVar('VIDEO_GEN_LOG_FILE')?.trim();
  if (raw === undefined || OFF.has(raw.toLowerCase())) return { file: false, level };
  return { file: resolveLogPath(raw), level };
}

/** An absolute path for `path`, relative to the working directory; `false` if that is unknown. */
export function resolveLogPath(path: string): string | false {
  if (isAbsolute(path)) return path;
  const cwd = currentDirectory();
  return cwd === undefined ? false : join(cwd, path);
}
