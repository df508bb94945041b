import type { Zod } from './option-rules.js';

/** A yes/no check built from the same schema code as the zod schemas, without zod. */
export interface QuickCheck {
  accepts(value: unknown): boolean;
  optional(): QuickCheck;
  /** An object check's fields, as zod's `.shape`. */
  readonly shape?: Readonly<Record<string, QuickCheck>>;
}

function check(accepts: (value: unknown) => boolean, shape?: Record<string, QuickCheck>): QuickCheck {
  return {
    accepts,
    optional: () => check((value) => value === undefined || accepts(value)),
    ...(shape ? { shape } : {}),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The few zod builders the option schemas use (`custom`, `strictObject`, `array`, `union`,
 * `unknown`, `.optional()`, `.shape`), as plain predicates. Handed to `entrySchemas` in place of
 * zod, it gives a check of the same rules that costs next to nothing and loads nothing: options that
 * pass it need no zod at all; options that fail it are validated by zod, whose answer decides and
 * whose messages are reported. So it must never accept what zod would refuse: every builder is at
 * least as strict as zod's (an object's keys are read with `for…in`, inherited ones included).
 */
const quickZod = {
  custom: (test: (value: unknown) => unknown) => check((value) => Boolean(test(value))),
  strictObject: (shape: Record<string, QuickCheck>) =>
    check((value) => {
      if (!isObject(value)) return false;
      for (const key in value) if (!Object.hasOwn(shape, key)) return false;
      for (const key of Object.keys(shape)) if (!shape[key]!.accepts(value[key])) return false;
      return true;
    }, shape),
  array: (element: QuickCheck) =>
    check((value) => Array.isArray(value) && value.every((item) => element.accepts(item))),
  union: (options: readonly QuickCheck[]) =>
    check((value) => options.some((option) => option.accepts(value))),
  unknown: () => check(() => true),
};

/** `quickZod`, typed as the zod namespace that `entrySchemas` takes. Internal. */
export const quickChecks = quickZod as unknown as Zod;

/** A schema built with {@link quickChecks}, seen as what it is. */
export function asQuickCheck(schema: unknown): QuickCheck {
  return schema as QuickCheck;
}
