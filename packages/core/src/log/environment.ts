import { isAbsolute, join } from 'node:path';
import { type LogThreshold, parseThreshold } from './logger.js';
import { currentDirectory, readEnvVar } from './runtime.js';

/** The default log file, relative to the working directory. */
export const DEFAULT_LOG_FILE = join('logs', 'video_gen.log');

/** Values of `VIDEO_GEN_LOG_FILE` that switch the file off. */
const OFF = new Set(['', 'off', 'none', 'false', '0', 'no', 'disabled']);

/** Logging settings as the environment gives them. */
export interface LoggingEnvironment {
  /** The absolute log file path, or `false` when file logging is off or impossible. */
  file: string | false;
  level: LogThreshold;
}

/**
 * Reads `VIDEO_GEN_LOG_FILE` (a path, or off/none/false/0/empty to disable; default
 * `logs/video_gen.log` under the working directory) and `VIDEO_GEN_LOG_LEVEL`
 * (debug|info|warn|error|silent; default debug, unknown values too).
 */
export function readLoggingEnvironment(): LoggingEnvironment {
  const level = parseThreshold(readEnvVar('VIDEO_GEN_LOG_LEVEL')) ?? 'debug';
  const raw = readEnvVar('VIDEO_GEN_LOG_FILE');
  if (raw !== undefined && OFF.has(raw.trim().toLowerCase())) return { file: false, level };
  return { file: resolveLogPath(raw?.trim() || DEFAULT_LOG_FILE), level };
}

/** An absolute path for `path`, relative to the working directory; `false` if that is unknown. */
export function resolveLogPath(path: string): string | false {
  if (isAbsolute(path)) return path;
  const cwd = currentDirectory();
  return cwd === undefined ? false : join(cwd, path);
}
