import path from 'node:path';
import { configureLogging, defaultLedgerDir } from '@video-gen/core';

/**
 * The CLI's own log file when `VIDEO_GEN_LOG_FILE` is unset: `logs/video_gen.log` in the per-user
 * video-gen folder beside the ledger (`VIDEO_GEN_HOME`, else the platform's data folder), so a run
 * never leaves a file in the working folder that the user did not ask for.
 */
export function cliLogFile(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return path.join(path.dirname(defaultLedgerDir(env)), 'logs', 'video_gen.log');
}

/** Points the library's logger at {@link cliLogFile}, unless `VIDEO_GEN_LOG_FILE` chooses. */
export function configureCliLogging(env: Readonly<Record<string, string | undefined>> = process.env): void {
  if (env.VIDEO_GEN_LOG_FILE === undefined) configureLogging({ file: cliLogFile(env) });
}
