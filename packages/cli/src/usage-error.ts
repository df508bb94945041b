const MARKER = Symbol.for('video-gen.cli.usage-error');

/**
 * A mistake on the command line that the argument parser cannot see (a missing prompt, two
 * conflicting flags, a glob that matches nothing). Exits with code 2; the message says what to do.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
    Object.defineProperty(this, MARKER, { value: true });
  }

  /** Whether `value` is a UsageError, even from another copy of this module. */
  static isUsageError(value: unknown): value is UsageError {
    return typeof value === 'object' && value !== null && MARKER in value;
  }
}
