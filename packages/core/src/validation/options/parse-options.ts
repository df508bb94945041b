import { ValidationError } from '../../errors/validation-error.js';
import { loadZod } from '../load-zod.js';
import { type EntryName, entrySchemas } from './entry-schemas.js';
import { optionIssues } from './option-issues.js';
import { asQuickCheck, quickChecks } from './quick-check.js';

let schemas: Promise<ReturnType<typeof entrySchemas>> | undefined;
let quick: ReturnType<typeof entrySchemas> | undefined;

/**
 * Checks the options of a public entry against its schema, before anything else happens (no
 * provider resolved, no file touched, nothing paid): types, ranges, unknown keys. The same rules
 * are first checked without zod (see `quick-check.ts`): options that pass need nothing more, so a
 * valid call loads no zod and costs microseconds. Only options that fail it load zod, on first
 * use, which decides and words the errors.
 *
 * @throws {ValidationError} with code `invalid_options`, one issue per bad option.
 */
export async function parseOptions(entry: EntryName, options: unknown): Promise<void> {
  quick ??= entrySchemas(quickChecks);
  if (asQuickCheck(quick[entry]).accepts(options ?? {})) return;
  schemas ??= loadZod().then(({ z }) => entrySchemas(z));
  const schema = (await schemas)[entry];
  const result = schema.safeParse(options ?? {}, { reportInput: true });
  if (result.success) return;
  const issues = optionIssues(schema, result.error.issues);
  const lines = issues.map((issue) => `  - ${issue.message}`).join('\n');
  throw new ValidationError(`Invalid options for ${entry}():\n${lines}`, { code: 'invalid_options', issues });
}
