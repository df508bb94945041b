import {
  AuthenticationError,
  CancelledError,
  ConfigurationError,
  ContentPolicyError,
  DownloadError,
  GenerationFailedError,
  InputFileError,
  InsufficientCreditsError,
  JobTimeoutError,
  OutputExistsError,
  ProviderNotFoundError,
  RetryExhaustedError,
  ValidationError,
  VideoGenError,
} from '@video-gen/core';
import { exitCodeFor } from '../exit-codes.js';
import { cliCommand, shellQuote } from './cli-command.js';
import { writeJsonLine } from './json-output.js';

export { shellQuote };

/** What the CLI knows about where a failed job stands, beyond the error itself. */
export interface FailureContext {
  /** A job journal left on disk, when there is one: the way to resume without paying again. */
  readonly journalPath?: string | undefined;
  /** The command that resumes the work (default `video-gen resume <journal>`). */
  readonly resumeCommand?: string | undefined;
  /** Arguments the default resume command needs too, such as `--plugin <module>` for a third-party job. */
  readonly resumeArgs?: readonly string[] | undefined;
}

/** An error explained for a terminal: what happened, and what to do next. */
export interface ErrorReport {
  readonly message: string;
  readonly hint: string | undefined;
  readonly code: string;
  readonly exitCode: number;
  readonly journalPath: string | undefined;
  /** The command that picks the work up again, when it can be. */
  readonly resume: string | undefined;
}

/** The shell command that resumes a journal. */
export function resumeCommandFor(journalPath: string, extraArgs: readonly string[] = []): string {
  return cliCommand('resume', journalPath, ...extraArgs);
}

const FILE_SYSTEM_CODES = new Set([
  'disk_full',
  'read_only',
  'permission_denied',
  'too_many_open_files',
  'io_failed',
]);

function hintFor(error: unknown, resume: string | undefined): string | undefined {
  const provider = VideoGenError.isInstance(error) && error.provider ? error.provider : 'the provider';
  if (CancelledError.isInstance(error)) {
    return resume
      ? `The job keeps running at ${provider} and its journal is kept. Resume it (no second charge) with:\n  ${resume}`
      : 'Nothing was submitted, so nothing was paid for.';
  }
  if (JobTimeoutError.isInstance(error)) {
    return resume
      ? `The job keeps running at ${provider}. Resume it (no second charge), with a longer --timeout if needed:\n  ${resume} --timeout 3600`
      : 'Try again with a longer --timeout (seconds).';
  }
  if (VideoGenError.isInstance(error) && error.code === 'output_locked') {
    return 'Another video-gen process is generating this output. Wait for it, or run the same command again later: it resumes the same job and nothing is paid for twice.';
  }
  if (VideoGenError.isInstance(error) && error.code === 'unsafe_path') {
    return 'video-gen never writes through a link or into a file it did not create. Remove what is at that path (check where it points first), then run the same command again.';
  }
  if (VideoGenError.isInstance(error) && FILE_SYSTEM_CODES.has(error.code)) {
    return resume
      ? `Free space or fix the folder's permissions, then resume (no second charge):\n  ${resume}`
      : "Free space or fix the folder's permissions, or choose another output path, then run the same command again.";
  }
  if (OutputExistsError.isInstance(error))
    return 'Add --force to replace it, or choose another path with -o.';
  if (ValidationError.isInstance(error)) {
    if (error.code === 'sequence_exists')
      return 'Add --resume to continue that sequence, or choose another --out-dir.';
    if (error.code === 'journal_mismatch') {
      return resume ? `Finish that job with:\n  ${resume}\nor write this one elsewhere with -o.` : undefined;
    }
    if (error.code.startsWith('sequence_')) return undefined;
    return `Run \`${cliCommand('models', ...(error.provider ? ['--backend', error.provider] : []))}\` to see what each model takes.`;
  }
  if (InputFileError.isInstance(error)) return 'Check the -i paths: PNG, JPEG and WebP files are accepted.';
  if (ProviderNotFoundError.isInstance(error)) {
    return error.packageName
      ? `\`${cliCommand('doctor')}\` lists every provider and the package each needs.`
      : `Run \`${cliCommand('doctor')}\` to list the providers; load a third-party one with --plugin <package>.`;
  }
  if (ConfigurationError.isInstance(error)) {
    // Several variables rarely work alone (a project needs its location, a key its endpoint): the
    // provider's message says which combinations do, so the hint points at it instead of "A or B".
    const set =
      error.variables.length === 1
        ? `Set ${error.variables[0]} (in the environment or a .env file), or choose another provider with --backend.`
        : error.variables.length > 1
          ? 'Set one of the combinations named above (in the environment or a .env file), or choose another provider with --backend.'
          : 'Fix the setting named above, or choose another provider with --backend.';
    return `${set} \`${cliCommand('doctor')}\` shows what is configured.`;
  }
  if (AuthenticationError.isInstance(error)) {
    return `${provider} rejected the credentials. Check its API key (\`${cliCommand('doctor')}\` shows which variables are set).`;
  }
  if (InsufficientCreditsError.isInstance(error))
    return `Add credits to your ${provider} account, or use another --backend.`;
  if (ContentPolicyError.isInstance(error)) {
    return 'Rephrase the prompt or change the images: refusals are not retried, and nothing was generated.';
  }
  if (GenerationFailedError.isInstance(error))
    return 'The job ended at the vendor; try again, perhaps with another prompt or seed.';
  if (VideoGenError.isInstance(error) && error.code === 'generation_not_found') {
    return `List the recorded generations with: ${cliCommand('list')}`;
  }
  if (DownloadError.isInstance(error) && error.code === 'generation_expired') {
    return `It is now marked expired in the ledger (${cliCommand('list', '--status', 'expired')}). The video cannot be downloaded any more: to have it, generate it again (a new paid job).`;
  }
  if (RetryExhaustedError.isInstance(error) || DownloadError.isInstance(error)) {
    return resume
      ? `Resume it later (the job is not submitted again):\n  ${resume}`
      : 'Try again later; network or server errors were retried without success.';
  }
  return undefined;
}

// Core's own resume advice names the library call; on the command line the CLI command is the answer.
function cliMessage(error: unknown): string {
  if (OutputExistsError.isInstance(error)) return `Output file already exists: ${error.path}.`;
  if (DownloadError.isInstance(error) && error.code === 'generation_expired') {
    const job = error.job ? ` (job ${error.job.id})` : '';
    const cause =
      error.cause instanceof Error
        ? `\n  ${error.provider ?? 'the provider'} said: ${error.cause.message}`
        : '';
    return `The video has expired: ${error.provider ?? 'the provider'} no longer holds it${job}, so it cannot be downloaded again.${cause}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(' List them with listGenerations().', '')
    .replace(
      /\s*The job keeps its journal: resume with resumeVideo\([^)]*\) or run the same call again\./,
      '',
    )
    .replace(/resumeVideo\('([^']*)'\)/g, (_match, journal: string) => cliCommand('resume', journal));
}

/**
 * Explains an error: the message, the next step, its stable code and the exit code.
 *
 * @example
 * ```ts
 * const report = explainError(error, { journalPath: 'out.mp4.job.json' });
 * ```
 */
export function explainError(error: unknown, context: FailureContext = {}): ErrorReport {
  const journalPath =
    context.journalPath ??
    (CancelledError.isInstance(error) || JobTimeoutError.isInstance(error) ? error.journalPath : undefined);
  const resume = journalPath
    ? (context.resumeCommand ?? resumeCommandFor(journalPath, context.resumeArgs))
    : undefined;
  return {
    message: cliMessage(error),
    hint: hintFor(error, resume),
    code: VideoGenError.isInstance(error) ? error.code : error instanceof Error ? error.name : 'unexpected',
    exitCode: exitCodeFor(error),
    journalPath,
    resume,
  };
}

/**
 * Prints an error on stderr (`error: …` then the next step) and, for `--json`/`--events`, also as
 * `{"error": {...}}` on stdout so scripts see why. Returns the exit code.
 */
export function reportError(error: unknown, options: { json: boolean } & FailureContext): number {
  const report = explainError(error, options);
  const cancelled = CancelledError.isInstance(error);
  process.stderr.write(`${cancelled ? 'Cancelled.' : `error: ${report.message}`}\n`);
  if (report.hint) process.stderr.write(`${report.hint}\n`);
  if (report.exitCode === 1 && error instanceof Error && error.stack) {
    process.stderr.write(
      `${error.stack}\nThis looks like a bug in video-gen: please report it with the lines above.\n`,
    );
  }
  if (options.json) {
    writeJsonLine({
      error: {
        code: report.code,
        message: report.message,
        exitCode: report.exitCode,
        ...(report.hint ? { hint: report.hint } : {}),
        ...(report.journalPath ? { journalPath: report.journalPath, resume: report.resume } : {}),
      },
    });
  }
  return report.exitCode;
}
