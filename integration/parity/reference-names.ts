// The public names of the Python reference (python-api.md), read from its own text, so a name added
// there fails the parity test until it has a TypeScript counterpart.
import { readFileSync } from 'node:fs';

/** The reference's sections that name public API, and how each lists its names. */
const LISTING_SECTIONS = ['Configuration Objects', 'Exceptions', 'Logging'];

/** Every public name of the reference, in the order it gives them. */
export function referenceNames(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const names: string[] = [];
  let section = '';
  let inImport = false;
  for (const line of text.split('\n')) {
    const heading = /^## (.+?)(?: \(|$)/.exec(line);
    if (heading?.[1]) section = heading[1].trim();
    const fn = /^### (\w+)\s*$/.exec(line);
    if (fn?.[1]) names.push(fn[1]);
    if (LISTING_SECTIONS.includes(section)) {
      const item = /^- `(\w+)/.exec(line);
      if (item?.[1]) names.push(item[1]);
    }
    if (/^from video_gen\.providers import \($/.test(line)) inImport = true;
    else if (inImport && line.trim() === ')') inImport = false;
    else if (inImport)
      names.push(
        ...line
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      );
  }
  return [...new Set(names)];
}
