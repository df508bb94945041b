import type { z } from 'zod';
import { describeValue } from './describe-value.js';

/** The zod namespace, passed in: zod is loaded on first validation, not when core is imported. */
export type Zod = typeof z;

/** The value tests behind each rule, kept apart from zod so other packages' schemas can say the same. */
export const is = {
  text: (value: unknown): value is string => typeof value === 'string',
  /** A path: a non-empty string without NUL bytes (which no file system accepts). */
  path: (value: unknown): value is string =>
    typeof value === 'string' && value !== '' && !value.includes('\0'),
  number: (value: unknown): value is number => typeof value === 'number',
  positiveInteger: (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0,
  countFromZero: (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0,
  positiveNumber: (value: unknown): value is number =>
    typeof value === 'number' && Number.isFinite(value) && value > 0,
  durationFromZero: (value: unknown): value is number =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0,
  boolean: (value: unknown): value is boolean => typeof value === 'boolean',
  function: (value: unknown): value is (...args: never[]) => unknown => typeof value === 'function',
  signal: (value: unknown): value is AbortSignal =>
    typeof AbortSignal !== 'undefined' && value instanceof AbortSignal,
  plainObject: (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value),
  /** An `ImageInput`: a path or https URL as a string or `URL`, or the bytes. */
  image: (value: unknown): boolean =>
    is.path(value) || value instanceof URL || value instanceof Uint8Array || value instanceof ArrayBuffer,
  /** A registry id or a provider value (an object with an id and the three calls). */
  provider: (value: unknown): boolean => {
    if (typeof value === 'string') return value.trim() !== '';
    if (!is.plainObject(value)) return false;
    const { id, models, submit, status, download } = value;
    return (
      typeof id === 'string' &&
      Array.isArray(models) &&
      [submit, status, download].every((call) => typeof call === 'function')
    );
  },
} as const;

/** What each rule asks for, in the words of the error message ("`timeoutMs` must be …"). */
export const expected = {
  path: 'a path (a non-empty string without NUL bytes)',
  text: 'a string',
  number: 'a number',
  positiveInteger: 'a whole number above 0',
  countFromZero: 'a whole number, 0 or more',
  positiveNumber: 'a finite number above 0',
  durationFromZero: 'a finite number of milliseconds, 0 or more',
  boolean: 'true or false (a boolean, not a string)',
  function: 'a function',
  signal: 'an AbortSignal (from an AbortController, or AbortSignal.timeout())',
  image: 'an image: a file path, an https URL, a URL object, a Uint8Array or an ArrayBuffer',
  provider: 'a provider id (such as "local") or a provider value (such as createLocal())',
  plainObject: 'an object',
} as const;

/** Builds the zod rules of the option schemas. */
export function optionRules(zod: Zod) {
  const mustBe = (what: string) => ({
    error: (issue: { input?: unknown }) => `must be ${what}, got ${describeValue(issue.input)}`,
  });
  const rule = <T>(test: (value: unknown) => boolean, what: string) => zod.custom<T>(test, mustBe(what));
  const optional = <T>(test: (value: unknown) => boolean, what: string) => rule<T>(test, what).optional();
  const object = <S extends Record<string, z.ZodType>>(shape: S) =>
    zod.strictObject(shape, {
      error: (issue) =>
        issue.code === 'invalid_type'
          ? `must be ${expected.plainObject}, got ${describeValue(issue.input)}`
          : undefined,
    });
  const list = <T extends z.ZodType>(element: T, what: string) =>
    zod.array(element, mustBe(`an array of ${what}`)).optional();
  const image = rule(is.image, expected.image);
  return {
    rule,
    optional,
    object,
    list,
    mustBe,
    path: () => optional<string>(is.path, expected.path),
    text: () => optional<string>(is.text, expected.text),
    number: () => optional<number>(is.number, expected.number),
    positiveInteger: () => optional<number>(is.positiveInteger, expected.positiveInteger),
    countFromZero: () => optional<number>(is.countFromZero, expected.countFromZero),
    positiveNumber: () => optional<number>(is.positiveNumber, expected.positiveNumber),
    durationFromZero: () => optional<number>(is.durationFromZero, expected.durationFromZero),
    boolean: () => optional<boolean>(is.boolean, expected.boolean),
    function: () => optional<(...args: never[]) => unknown>(is.function, expected.function),
    signal: () => optional<AbortSignal>(is.signal, expected.signal),
    provider: () => optional<unknown>(is.provider, expected.provider),
    image: () => image.optional(),
    images: () =>
      list(image, 'images (wrap a single one in brackets: [image]); each a file path, an https URL or bytes'),
    anything: () => zod.unknown().optional(),
  };
}

/** The rules returned by {@link optionRules}. */
export type OptionRules = ReturnType<typeof optionRules>;
