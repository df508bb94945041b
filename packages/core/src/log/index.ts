export type { Logger, LogLevel, LogFields } from './logger.js';
