import { currentInvocation } from '../runtime/invocation.js';

/** Quotes a value for a POSIX shell when it needs it. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * A `video-gen` command line to print in a hint, started the way the user started this one (see
 * `invocationWords`), with each argument quoted for a shell.
 *
 * @example
 * ```ts
 * cliCommand('resume', '/tmp/a b.mp4.job.json'); // "npx --no-install video-gen resume '/tmp/a b.mp4.job.json'"
 * ```
 */
export function cliCommand(...args: readonly string[]): string {
  return [...currentInvocation().map(shellQuote), ...args.map(shellQuote)].join(' ');
}
