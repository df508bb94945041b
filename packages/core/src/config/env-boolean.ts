import { z } from 'zod';

/**
 * A boolean config field that also accepts the strings an environment variable holds:
 * `true/false`, `1/0`, `yes/no`, `on/off`, `y/n`, `enabled/disabled` (any case).
 *
 * Use it instead of `z.coerce.boolean()`, which turns every non-empty string, `"false"` included,
 * into `true`. For numbers, `z.coerce.number()` is fine.
 *
 * @example
 * ```ts
 * const schema = z.object({ verbose: envBoolean().default(false), timeoutMs: z.coerce.number().int().positive() });
 * ```
 */
export function envBoolean() {
  return z.union([z.boolean(), z.stringbool()], {
    error: 'expected a boolean (true/false, 1/0, yes/no or on/off)',
  });
}
