import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../usage-error.js';

/** One clip's prompt, and the file it came from (its name is what images are matched against). */
export interface ClipPrompt {
  readonly prompt: string;
  /** The prompt file's path, when `-p` named a file. */
  readonly file: string | undefined;
}

async function isFile(candidate: string): Promise<boolean> {
  try {
    return (await stat(candidate)).isFile();
  } catch {
    return false;
  }
}

const naturalOrder = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Reads the `-p` values: a value naming an existing file is a prompt file (its text is the prompt,
 * its name is used for image grouping, as in the Python CLI); a `.txt` wildcard expands to prompt
 * files in natural order; anything else is the prompt itself.
 *
 * @example
 * ```ts
 * await readClipPrompts(['prompts/*.txt'], process.cwd());
 * ```
 */
export async function readClipPrompts(values: readonly string[], cwd: string): Promise<ClipPrompt[]> {
  const prompts: ClipPrompt[] = [];
  for (const value of values) {
    const candidate = path.resolve(cwd, value);
    if (value.trim() !== '' && (await isFile(candidate))) {
      prompts.push({ prompt: (await readFile(candidate, 'utf8')).trim(), file: candidate });
      continue;
    }
    if (value.endsWith('.txt') && isDynamicPattern(value)) {
      const files = (await glob(value, { cwd, absolute: true, onlyFiles: true })).sort(naturalOrder.compare);
      if (files.length === 0) throw new UsageError(`No prompt file matches "${value}".`);
      for (const file of files)
        prompts.push({ prompt: (await readFile(file, 'utf8')).trim(), file: path.normalize(file) });
      continue;
    }
    prompts.push({ prompt: value, file: undefined });
  }
  const empty = prompts.findIndex((clip) => clip.prompt === '');
  if (empty >= 0) throw new UsageError(`Clip ${empty + 1} has an empty prompt.`);
  return prompts;
}
