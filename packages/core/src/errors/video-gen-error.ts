import type { JobRef } from '../contract/job-ref.js';
import { redact, redactValue } from '../log/redact.js';

const MARKER = Symbol.for('video-gen.error');
// Node, Bun and Deno's node:util all honour this key; no import of node:util is needed for it.
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

type Inspect = (value: unknown, options?: object) => string;

/**
 * Scrubs secrets from a cause chain before it is attached: a vendor SDK error may quote the key
 * back (in its message, stack or parsed body), and `console.log(error)` prints the whole chain.
 * Errors are cleaned in place (message, stack, string and object fields); other values are copied.
 */
function redactCause(cause: unknown, depth = 0): unknown {
  if (depth > 5 || cause === null || typeof cause !== 'object') {
    return typeof cause === 'string' ? redact(cause) : cause;
  }
  if (!(cause instanceof Error)) return redactValue(cause);
  try {
    cause.message = redact(cause.message);
    if (cause.stack) cause.stack = redact(cause.stack);
    const fields = cause as unknown as Record<string, unknown>;
    for (const key of Object.keys(cause)) {
      const value = fields[key];
      if (key === 'cause') continue;
      if (typeof value === 'string') fields[key] = redact(value);
      else if (value !== null && typeof value === 'object' && !(value instanceof Error))
        fields[key] = redactValue(value);
    }
    if (cause.cause !== undefined) (cause as { cause?: unknown }).cause = redactCause(cause.cause, depth + 1);
  } catch {
    // A frozen or exotic error object: leave it rather than fail the error being built.
  }
  return cause;
}

/** Options accepted by every video-gen error. */
export interface VideoGenErrorOptions {
  /** The provider id the error comes from, when there is one. */
  provider?: string | undefined;
  /** Whether trying the same call again may succeed. */
  retryable?: boolean | undefined;
  /** The original error (a vendor SDK error, a fetch failure, ...). */
  cause?: unknown;
  /** The job the error concerns, when one was submitted. */
  job?: JobRef | undefined;
}

/**
 * The base of every error video-gen throws. Every error carries a stable `code`, the `provider`
 * it concerns and whether it is `retryable`.
 *
 * Use the static `isInstance()` of a class instead of `instanceof`: it works across duplicated
 * copies of this package.
 *
 * @example
 * ```ts
 * try { await generateVideo({ prompt: 'waves' }); }
 * catch (error) { if (ValidationError.isInstance(error)) console.error(error.message); }
 * ```
 */
export class VideoGenError extends Error {
  /** A stable machine-readable code, such as `validation_failed`. */
  readonly code: string;
  /** The provider id the error concerns, when there is one. */
  readonly provider: string | undefined;
  /** Whether trying the same call again may succeed. */
  readonly retryable: boolean;
  /** The job the error concerns, when one was submitted. */
  readonly job: JobRef | undefined;

  constructor(message: string, code: string, options: VideoGenErrorOptions = {}) {
    // Vendor messages can echo a key or a signed URL back: no error carries a secret.
    super(redact(message), options.cause === undefined ? undefined : { cause: redactCause(options.cause) });
    this.name = new.target.errorName;
    this.code = code;
    this.provider = options.provider === undefined ? undefined : redact(options.provider);
    this.retryable = options.retryable ?? false;
    this.job = options.job;
    const names: string[] = [];
    for (let c: unknown = new.target; c && c !== Error; c = Object.getPrototypeOf(c)) {
      const name = (c as { errorName?: string }).errorName;
      if (name) names.push(name);
    }
    // Not a declared property: two copies of this package must produce structurally equal types.
    Object.defineProperty(this, MARKER, { value: names, enumerable: false });
  }

  /**
   * The error as JSON, for `JSON.stringify(error)`: its name, message and every own field (a
   * subclass's `requestId`, `path`, `issues`, ...), each redacted, so no secret the redactor knows
   * is serialised, even one registered after the error was built.
   */
  toJSON(): Record<string, unknown> {
    return redactValue({ name: this.name, message: this.message, ...ownFields(this) }) as Record<
      string,
      unknown
    >;
  }

  /** `name: message`, redacted. */
  override toString(): string {
    return redact(`${this.name}: ${this.message}`);
  }

  /** The name this class is recognised by across package copies. */
  static readonly errorName: string = 'VideoGenError';

  /** Whether `value` is an instance of this class (or a subclass), even from another copy of the package. */
  static isInstance<T extends VideoGenError>(
    this: { readonly errorName: string; readonly prototype: T },
    value: unknown,
  ): value is T {
    if (typeof value !== 'object' || value === null) return false;
    const names = (value as { [MARKER]?: unknown })[MARKER];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass the check was called on
    return Array.isArray(names) && names.includes(this.errorName);
  }
}

// What `util.inspect` and `console.log` show: the usual error output, with every field redacted.
// Set on the prototype rather than declared, so the public type of errors does not change.
Object.defineProperty(VideoGenError.prototype, INSPECT, {
  value(this: VideoGenError, _depth: number, options: object, inspect?: Inspect): string {
    const view = redactedView(this);
    return typeof inspect === 'function'
      ? inspect(view, { ...options, customInspect: false })
      : (view.stack ?? view.toString());
  },
  enumerable: false,
  writable: true,
  configurable: true,
});

/** The own enumerable fields of an error (`code`, `provider`, a subclass's `requestId`, ...). */
function ownFields(error: Error): Record<string, unknown> {
  return Object.fromEntries(Object.entries(error));
}

/**
 * A stand-in for `error` that inspects the same way (a real Error with the same prototype, stack
 * and fields) but holds redacted copies of its stack and fields. The error itself is not changed.
 */
function redactedView(error: VideoGenError): Error {
  const view = new Error(redact(error.message));
  Object.setPrototypeOf(view, Object.getPrototypeOf(error));
  const hidden = (key: string, value: unknown) =>
    Object.defineProperty(view, key, { value, enumerable: false, writable: true, configurable: true });
  hidden('stack', error.stack === undefined ? undefined : redact(error.stack));
  for (const [key, value] of Object.entries(error)) {
    (view as unknown as Record<string, unknown>)[key] = redactValue(value);
  }
  if (error.cause !== undefined) hidden('cause', error.cause);
  return view;
}
