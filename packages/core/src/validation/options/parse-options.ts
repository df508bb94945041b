import { ValidationError } from '../../errors/validation-error.js';
import { loadZod } from '../load-zod.js';
import { type EntryName, entrySchemas } from './entry-schemas.js';
import { optionIssues } from './option-issues.js';

let schemas: Promise<ReturnType<typeof entrySchemas>> | undefined;

/**
 * Checks the options of a public entry against its schema, before anything else happens (no
 * provider resolved, no file touched, nothing paid): types, ranges, unknown keys. zod is loaded
 * here, on first use, so importing core stays cheap.
 *
 * @throws {ValidationError} with code `invalid_options`, one issue per bad option.
 */
export async function parseOptions(entry: EntryName, options: unknown): Promise<void> {
  schemas ??= loadZod().then(({ z }) => entrySchemas(z));
  const schema = (await schemas)[entry];
  const result = schema.safeParse(options ?? {}, { reportInput: true });
  if (result.success) return;
  const issues = optionIssues(schema, result.error.issues);
  const lines = issues.map((issue) => `  - ${issue.message}`).join('\n');
  throw new ValidationError(`Invalid options for ${entry}():\n${lines}`, { code: 'invalid_options', issues });
}
