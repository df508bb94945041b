import { VideoGenError, type VideoGenErrorOptions } from './video-gen-error.js';

/** One problem found in a request. */
export interface ValidationIssue {
  /** The option at fault, such as `durationSeconds`. */
  field: string;
  /** What is wrong and what is allowed. */
  message: string;
  /** The values the model allows, when they can be listed. */
  allowed?: readonly unknown[] | undefined;
}

/**
 * A request the model cannot take (size, duration, images, ...). Thrown before any paid call;
 * the message lists what is allowed.
 */
export class ValidationError extends VideoGenError {
  static override readonly errorName: string = 'ValidationError';
  /** Every problem found, not only the first. */
  readonly issues: readonly ValidationIssue[];
  constructor(
    message: string,
    options: VideoGenErrorOptions & { issues?: readonly ValidationIssue[]; code?: string } = {},
  ) {
    super(message, options.code ?? 'validation_failed', options);
    this.issues = options.issues ?? [];
  }
}

/** The output file exists and `overwrite` was not set. Nothing was submitted. */
export class OutputExistsError extends ValidationError {
  static override readonly errorName: string = 'OutputExistsError';
  /** The existing file. */
  readonly path: string;
  constructor(path: string, options: VideoGenErrorOptions = {}) {
    super(
      `Output file already exists: ${path}. Pass overwrite: true (or --force) to replace it, or choose another path.`,
      {
        ...options,
        code: 'output_exists',
        issues: [{ field: 'outPath', message: 'file exists' }],
      },
    );
    this.path = path;
  }
}
