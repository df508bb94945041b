import { ValidationError } from '../errors/validation-error.js';

/**
 * The shape of every id {@link generationId} mints: `<provider>_<job id>` in the characters it
 * keeps (`A-Z a-z 0-9 . _ -`), not starting with a dot. No separator, NUL, `.` or `..` can pass, so
 * an id always names a file directly inside the ledger folder.
 */
const GENERATION_ID = /^(?!\.)[A-Za-z0-9._-]*_[A-Za-z0-9._-]*$/;

/** Longer ids would exceed a file name's 255 bytes once `.json` and a temporary suffix are added. */
const MAX_GENERATION_ID_LENGTH = 200;

/** Whether `id` has the ledger's own id format. */
export function isGenerationId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= MAX_GENERATION_ID_LENGTH && GENERATION_ID.test(id);
}

/** Throws a ValidationError (`invalid_generation_id`, field `id`) unless `id` has the ledger's id format. */
export function assertGenerationId(id: unknown): asserts id is string {
  if (isGenerationId(id)) return;
  const shown = typeof id === 'string' ? JSON.stringify(id.slice(0, 120)) : typeof id;
  throw new ValidationError(
    `Not a generation id: ${shown}. Ledger ids look like <provider>_<job id> (letters, digits, ".", "_" and "-"). List them with listGenerations().`,
    {
      code: 'invalid_generation_id',
      issues: [{ field: 'id', message: 'not a ledger id (<provider>_<job id>)' }],
    },
  );
}
