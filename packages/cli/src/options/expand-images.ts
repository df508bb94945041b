import path from 'node:path';
import { UsageError } from '../usage-error.js';

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;
// Characters without which no entry is a wildcard: only an entry holding one loads tinyglobby,
// which then decides (`isDynamicPattern`) as before. Plain paths, the usual case, load nothing.
const MAYBE_PATTERN = /[*?[\]{}()!+@]/;
let naturalOrder: Intl.Collator | undefined;

/**
 * Expands the `-i` values the way the Python CLI did: each value may be a comma-separated list,
 * and each entry a path, a URL or a shell-style wildcard (expanded here, so quoting the pattern
 * works the same on every shell and on Windows). Wildcard matches come in natural order
 * (`frame2.png` before `frame10.png`); duplicates are dropped. A wildcard that matches nothing is a
 * usage error: silently sending fewer images than intended would waste a paid call.
 *
 * @example
 * ```ts
 * await expandImages(['shots/*.png', 'a.jpg,b.jpg'], process.cwd());
 * ```
 */
export async function expandImages(values: readonly string[] | undefined, cwd: string): Promise<string[]> {
  const out: string[] = [];
  let globbing: typeof import('tinyglobby') | undefined;
  for (const value of values ?? []) {
    for (const entry of value.split(',')) {
      const item = entry.trim();
      if (item === '') continue;
      if (URL_PATTERN.test(item) || !MAYBE_PATTERN.test(item)) {
        out.push(URL_PATTERN.test(item) ? item : path.resolve(cwd, item));
        continue;
      }
      globbing ??= await import('tinyglobby');
      if (!globbing.isDynamicPattern(item)) {
        out.push(path.resolve(cwd, item));
        continue;
      }
      const matches = await globbing.glob(item, {
        cwd,
        absolute: true,
        onlyFiles: true,
        expandDirectories: false,
      });
      if (matches.length === 0) {
        throw new UsageError(
          `No file matches the image pattern "${item}" (in ${cwd}). Check the path, or quote it.`,
        );
      }
      // Built here, not at import: an ICU collator costs milliseconds the CLI's start should not pay.
      naturalOrder ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
      out.push(...matches.map((match) => path.normalize(match)).sort(naturalOrder.compare));
    }
  }
  return [...new Set(out)];
}
