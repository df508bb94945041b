import {
  LEVEL_RANK,
  type LogFields,
  type Logger,
  type LogLevel,
  type LogSink,
  type LogThreshold,
} from './logger.js';
import { redact, redactValue } from './redact.js';

/**
 * A logger that redacts each message and its fields, then hands the record to `sink`. Records
 * below `level` are dropped before any work is done. Never throws, even if the sink does.
 *
 * `level` may be a function so a long-lived logger follows configuration changes.
 *
 * @example
 * ```ts
 * const records: LogRecord[] = [];
 * const logger = createLogger((r) => records.push(r), 'info');
 * logger.info('calling vendor', { url: 'https://h/v1?key=secret' }); // fields.url ends in key=[REDACTED]
 * ```
 */
export function createLogger(sink: LogSink, level: LogThreshold | (() => LogThreshold) = 'debug'): Logger {
  const threshold = typeof level === 'function' ? level : () => level;
  const log = (lvl: LogLevel, message: string, fields?: LogFields): void => {
    try {
      if (LEVEL_RANK[lvl] < LEVEL_RANK[threshold()]) return;
      sink({
        time: new Date().toISOString(),
        level: lvl,
        message: redact(String(message)),
        fields: fields === undefined ? undefined : (redactValue(fields) as LogFields),
      });
    } catch {
      // Logging is best effort: a broken sink must not break a video generation.
    }
  };
  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
  };
}
