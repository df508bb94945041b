// The shape of one hostile case and the outcomes it may expect. Every case runs in its own folder
// (`work`), beside a sibling folder (`outside`) holding a victim file; the runner proves that
// nothing outside `work` changed, that no file appeared in the working directory, and that the
// fake vendor accepted exactly the submits the case allows.
import {
  InputFileError,
  OutputExistsError,
  ProviderNotFoundError,
  ValidationError,
  VideoGenError,
} from '@video-gen/core';
import type { ExtraOptions, Harness, VendorId } from '../support/vendors.js';

/** The folders of one case. */
export interface CaseDirs {
  /** The case's own folder: the only place it may write. */
  readonly work: string;
  /** A sibling folder the case must never change. */
  readonly outside: string;
  /** `outside/victim.txt`: the file planted links point at. */
  readonly victim: string;
  /** Shared inputs (images, fixtures), read-only for every case. */
  readonly inputs: string;
  /** The default output: `work/clip.mp4`. */
  readonly outPath: string;
  /** The working directory of a spawned CLI: it must stay empty. */
  readonly cwd: string;
}

/** What a case's `run` receives: its folders, the fake vendor, and the options that point at it. */
export interface CaseContext extends CaseDirs {
  readonly harness: Harness;
  /** Harness options + provider + prompt + outPath: a valid request to spread a hostile field over. */
  readonly base: Readonly<Record<string, unknown>>;
}

/** How a case must end. */
export type Expectation =
  | {
      readonly kind: 'error';
      /** What is expected, for the failure message. */
      readonly label: string;
      readonly check: (error: unknown) => boolean;
      /** Paid submits the fake may accept (0 wherever the input is knowable before submit). */
      readonly submits: number;
      /** A success is acceptable too (a design that never uses the planted name), with this many submits. */
      readonly orSuccess?: number;
    }
  | {
      readonly kind: 'success';
      readonly submits?: number;
      readonly check?: (result: unknown, dirs: CaseDirs) => void | Promise<void>;
    }
  | {
      /** A spawned CLI: its exit code, and never a stack trace. */
      readonly kind: 'exit';
      readonly codes: readonly number[];
      readonly submits?: number;
    };

/** A helper server a case runs beside the fake, and the fake's options that point at it. */
export interface FakeSetup {
  readonly options: ExtraOptions;
  /** Checks what the helper saw (called before it closes). */
  readonly verify?: (downloads: readonly string[]) => void;
  close(): Promise<void>;
}

/** An expectation that the case fails with a typed error. */
export type ErrorExpectation = Extract<Expectation, { kind: 'error' }>;

/** One row of the hostile-input table. */
export interface HostileCase {
  readonly name: string;
  /** The fake behind the case. Default `local` (provider-local, jobs under `work/jobs`). */
  readonly vendor?: VendorId | 'local';
  /** Options of the fake, or a helper server started for the case (a redirector, say). */
  readonly fake?: ExtraOptions | (() => Promise<FakeSetup>);
  /** Plants files in `work` (or links from it) before the run. */
  readonly setup?: (dirs: CaseDirs) => void | Promise<void>;
  readonly run: (context: CaseContext) => Promise<unknown>;
  readonly expect: Expectation;
  /** Extra checks after the run (files kept, files absent, the URLs fetched, ...). */
  readonly after?: (dirs: CaseDirs, seen: { readonly downloads: readonly string[] }) => void | Promise<void>;
  /** Files a spawned CLI may leave in its working directory. Default none. */
  readonly cwdFiles?: readonly string[];
}

const fieldMatches = (field: string, wanted: string) =>
  field === wanted || field.startsWith(`${wanted}.`) || field.startsWith(`${wanted}[`);

/** A ValidationError with `code` (any code when undefined) and an issue on one of `fields`. */
export function validation(fields: string | readonly string[], code?: string): ErrorExpectation {
  const wanted = ([] as string[]).concat(fields);
  return {
    kind: 'error',
    label: `ValidationError${code ? ` ${code}` : ''} on ${wanted.join(' | ')}`,
    check: (e) =>
      ValidationError.isInstance(e) &&
      (code === undefined || e.code === code) &&
      e.issues.some((issue) => wanted.some((field) => fieldMatches(issue.field, field))),
    submits: 0,
  };
}

/** Shared decision: an invalid option of a public function. */
export const invalidOption = (field: string | readonly string[]): ErrorExpectation =>
  validation(field, 'invalid_options');

/** An InputFileError with one of `codes`. */
export function inputFile(...codes: string[]): ErrorExpectation {
  return {
    kind: 'error',
    label: `InputFileError ${codes.join(' | ')}`,
    check: (e) => InputFileError.isInstance(e) && codes.includes(e.code),
    submits: 0,
  };
}

/** A VideoGenError (any subclass) with one of `codes`. */
export function typed(codes: readonly string[], submits = 0): ErrorExpectation {
  return {
    kind: 'error',
    label: `VideoGenError ${codes.join(' | ')}`,
    check: (e) => VideoGenError.isInstance(e) && codes.includes(e.code),
    submits,
  };
}

/** The FileSystemError of the shared decisions (detected by code until the class lands). */
export function fileSystem(...codes: string[]): ErrorExpectation {
  return {
    kind: 'error',
    label: `FileSystemError ${codes.join(' | ')}`,
    check: (e) =>
      VideoGenError.isInstance(e) &&
      codes.includes(e.code) &&
      (e as { name?: string }).name === 'FileSystemError' &&
      typeof (e as { path?: unknown }).path === 'string',
    submits: 0,
  };
}

/** Either of two expectations (where the shared decisions allow two designs). */
export function either(a: ErrorExpectation, b: ErrorExpectation): ErrorExpectation {
  return {
    kind: 'error',
    label: `${a.label}, or ${b.label}`,
    check: (e) => a.check(e) || b.check(e),
    submits: Math.max(a.submits, b.submits),
  };
}

/** OutputExistsError: nothing was submitted. */
export const outputExists: ErrorExpectation = {
  kind: 'error',
  label: 'OutputExistsError',
  check: (e) => OutputExistsError.isInstance(e),
  submits: 0,
};

/** ProviderNotFoundError whose message never says `[object Object]` or names a bogus package. */
export const providerNotFound: ErrorExpectation = {
  kind: 'error',
  label: 'ProviderNotFoundError (no "[object Object]")',
  check: (e) =>
    ProviderNotFoundError.isInstance(e) &&
    !e.message.includes('[object Object]') &&
    (e.packageName === undefined || /^@video-gen\/provider-[a-z0-9-]+$/.test(e.packageName)),
  submits: 0,
};

/** The intended success: one submit. */
export const success = (check?: (result: unknown, dirs: CaseDirs) => void | Promise<void>): Expectation => ({
  kind: 'success',
  submits: 1,
  ...(check ? { check } : {}),
});

/** A spawned CLI exiting with one of `codes`. */
export const exits = (...codes: number[]): Expectation => ({ kind: 'exit', codes, submits: 0 });

/** The typed error `error`, or a success that never touched the planted name (`submits` submits). */
export function errorOrSuccess(error: ErrorExpectation, submits = 1): ErrorExpectation {
  return { ...error, label: `${error.label}, or success`, orSuccess: submits };
}
