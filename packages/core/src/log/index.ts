export { createLogger } from './create-logger.js';
export { createFileSink, type FileSinkOptions } from './file-sink.js';
export { configureLogging, getLibraryLogger, type LoggingOptions, setLogSink } from './library-logger.js';
export type { LogFields, Logger, LogLevel, LogRecord, LogSink, LogThreshold } from './logger.js';
export { redact, registerSecret } from './redact.js';
