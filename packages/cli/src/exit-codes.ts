import {
  AuthenticationError,
  CancelledError,
  ConfigurationError,
  ContentPolicyError,
  DownloadError,
  InputFileError,
  InsufficientCreditsError,
  JobTimeoutError,
  ProviderNotFoundError,
  ValidationError,
  VideoGenError,
} from '@video-gen/core';
import { UsageError } from './usage-error.js';

/**
 * The exit codes of `video-gen`. Scripts can rely on them: they only ever gain new entries.
 *
 * | code | name               | when                                                                                  |
 * | ---- | ------------------ | ------------------------------------------------------------------------------------- |
 * | 0    | `Success`          | the command did what was asked                                                        |
 * | 1    | `Unexpected`       | a bug or an error video-gen does not know (the message says what happened)            |
 * | 2    | `Usage`            | bad flags or arguments, a request the model refuses, a missing image, an existing output without `--force`, a missing, unreadable or corrupt journal, an unknown, malformed or corrupt generation id |
 * | 3    | `Configuration`    | a provider is not installed or not configured (missing key, missing ffmpeg), or doctor found a problem |
 * | 4    | `Refused`          | the vendor refused: content policy, credentials rejected, no credits left             |
 * | 5    | `GenerationFailed` | the job failed at the vendor, retries ran out, or the download failed                 |
 * | 6    | `Timeout`          | the job did not finish within `--timeout`; its journal is kept for `video-gen resume` |
 * | 7    | `Expired`          | `video-gen download`: the vendor no longer holds that generation's video (it is marked `expired`) |
 * | 8    | `Locked`           | another process is generating this output (`output_locked`); retry later, nothing was submitted twice |
 * | 9    | `FileSystem`       | a local file could not be written or read safely: read-only folder, disk full, permission denied, an unsafe path (a link or foreign file where video-gen creates one), other I/O failure |
 * | 130  | `Cancelled`        | interrupted with Ctrl-C (SIGINT); a submitted job's journal is kept                   |
 *
 * @example
 * ```ts
 * import { ExitCode } from './exit-codes.js';
 * process.exitCode = ExitCode.Usage;
 * ```
 */
export const ExitCode = {
  Success: 0,
  Unexpected: 1,
  Usage: 2,
  Configuration: 3,
  Refused: 4,
  GenerationFailed: 5,
  Timeout: 6,
  Expired: 7,
  Locked: 8,
  FileSystem: 9,
  Cancelled: 130,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit codes with a one-line description each, in the order `--help` and the docs list them. */
export const EXIT_CODE_TABLE: readonly {
  code: ExitCodeValue;
  name: keyof typeof ExitCode;
  meaning: string;
}[] = [
  { code: 0, name: 'Success', meaning: 'done' },
  { code: 1, name: 'Unexpected', meaning: 'unexpected error (a bug: please report it)' },
  { code: 2, name: 'Usage', meaning: 'bad usage or a request the model refuses (nothing was paid for)' },
  { code: 3, name: 'Configuration', meaning: 'provider not installed or not configured, ffmpeg missing' },
  { code: 4, name: 'Refused', meaning: 'the vendor refused: content policy, credentials, credits' },
  { code: 5, name: 'GenerationFailed', meaning: 'the job or its download failed' },
  { code: 6, name: 'Timeout', meaning: 'the job did not finish in time (resume it)' },
  {
    code: 7,
    name: 'Expired',
    meaning: 'download: the vendor no longer holds that video (generate it again)',
  },
  {
    code: 8,
    name: 'Locked',
    meaning: 'another process is generating this output (retry later)',
  },
  {
    code: 9,
    name: 'FileSystem',
    meaning: 'a local file problem: read-only, disk full, permission, unsafe path',
  },
  { code: 130, name: 'Cancelled', meaning: 'interrupted with Ctrl-C (resume it)' },
];

// Core raises these as plain VideoGenErrors; each means the journal path or ledger id given was wrong.
const JOURNAL_USAGE_CODES = new Set([
  'journal_missing',
  'journal_corrupt',
  'journal_unreadable',
  'generation_not_found',
  'generation_corrupt',
]);

// The codes of core's FileSystemError, matched by code so that any copy of core (and a plain
// VideoGenError with one of them) maps the same way.
const FILE_SYSTEM_CODES = new Set([
  'unsafe_path',
  'disk_full',
  'read_only',
  'permission_denied',
  'too_many_open_files',
  'io_failed',
]);

/**
 * The exit code for an error thrown by a command.
 *
 * @example
 * ```ts
 * exitCodeFor(new OutputExistsError('/tmp/a.mp4')); // 2
 * ```
 */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (UsageError.isUsageError(error)) return ExitCode.Usage;
  if (CancelledError.isInstance(error)) return ExitCode.Cancelled;
  if (JobTimeoutError.isInstance(error)) return ExitCode.Timeout;
  // By code, whatever the class raising it.
  if (VideoGenError.isInstance(error) && error.code === 'output_locked') return ExitCode.Locked;
  if (VideoGenError.isInstance(error) && FILE_SYSTEM_CODES.has(error.code)) return ExitCode.FileSystem;
  if (ValidationError.isInstance(error) || InputFileError.isInstance(error)) return ExitCode.Usage;
  if (ConfigurationError.isInstance(error) || ProviderNotFoundError.isInstance(error)) {
    return ExitCode.Configuration;
  }
  if (
    ContentPolicyError.isInstance(error) ||
    AuthenticationError.isInstance(error) ||
    InsufficientCreditsError.isInstance(error)
  ) {
    return ExitCode.Refused;
  }
  if (DownloadError.isInstance(error) && error.code === 'generation_expired') return ExitCode.Expired;
  if (VideoGenError.isInstance(error)) {
    return JOURNAL_USAGE_CODES.has(error.code) ? ExitCode.Usage : ExitCode.GenerationFailed;
  }
  return ExitCode.Unexpected;
}
