/** Log levels, from most to least verbose. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A level threshold: records below it are dropped; `silent` drops everything. */
export type LogThreshold = LogLevel | 'silent';

/** Structured fields attached to a log line. Values are redacted before they are written. */
export type LogFields = Readonly<Record<string, unknown>>;

/** The library logger. Every message and field is redacted of secrets before it reaches a sink. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** One log record as a sink receives it: message and fields are already redacted. */
export interface LogRecord {
  /** When the record was made, as an ISO 8601 string. */
  readonly time: string;
  readonly level: LogLevel;
  readonly message: string;
  readonly fields?: LogFields | undefined;
}

/**
 * Where log records go. A sink must not throw; if it does, the record is dropped.
 *
 * @example
 * ```ts
 * const consoleSink: LogSink = (r) => console.error(`${r.level}: ${r.message}`, r.fields ?? '');
 * ```
 */
export type LogSink = (record: LogRecord) => void;

/** Numeric rank of each threshold, so comparisons are one `>=`. */
export const LEVEL_RANK: Readonly<Record<LogThreshold, number>> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 100,
};

/** Whether `value` names a threshold (case-insensitive); used to read `VIDEO_GEN_LOG_LEVEL`. */
export function parseThreshold(value: string | undefined): LogThreshold | undefined {
  const v = value?.trim().toLowerCase();
  if (v === 'warning') return 'warn';
  return v !== undefined && Object.hasOwn(LEVEL_RANK, v) ? (v as LogThreshold) : undefined;
}
