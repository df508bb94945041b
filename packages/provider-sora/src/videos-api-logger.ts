import { getLibraryLogger, type LogLevel } from '@video-gen/core';
import type { ClientOptions } from 'openai';

type SdkLogger = NonNullable<ClientOptions['logger']>;

/**
 * The openai SDK's logger, routed into video-gen's library logger (redacted, and written where the
 * user configured logging) instead of the console. Warnings and errors only: the SDK's debug output
 * would dump request bodies, images included.
 *
 * @example
 * ```ts
 * const client = new OpenAI({ apiKey, maxRetries: 0, ...sdkLogging('OpenAI Sora') });
 * ```
 */
export function sdkLogging(label: string): Pick<ClientOptions, 'logger' | 'logLevel'> {
  const forward =
    (level: LogLevel) =>
    (message: string, ...details: unknown[]) =>
      getLibraryLogger()[level](`${label} SDK: ${message}`, details.length > 0 ? { details } : undefined);
  const logger: SdkLogger = {
    error: forward('error'),
    warn: forward('warn'),
    info: forward('info'),
    debug: forward('debug'),
  };
  return { logger, logLevel: 'warn' };
}
