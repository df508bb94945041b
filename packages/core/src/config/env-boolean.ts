import type { z } from 'zod';
import { requireZod } from '../validation/load-zod.js';

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
export function envBoolean(): z.ZodUnion<readonly [z.ZodBoolean, z.ZodCodec<z.ZodString, z.ZodBoolean>]> {
  // zod is loaded here, when a config schema is built, so importing core does not load it.
  const { z } = requireZod();
  return z.union([z.boolean(), z.stringbool()], {
    error: 'expected a boolean (true/false, 1/0, yes/no or on/off)',
  });
}
