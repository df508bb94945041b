import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The page's files, shipped in the package's `public/` folder: a fixed list, never a path from a request. */
const FILES = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/studio.css': ['studio.css', 'text/css; charset=utf-8'],
  '/studio.js': ['studio.js', 'text/javascript; charset=utf-8'],
} as const;

/** Each public file's bytes and type, by route, read once. */
export async function loadStaticFiles(): Promise<Map<string, { body: string; type: string }>> {
  // dist/index.js and src/server/*.ts both find the package's public/ folder from here.
  const candidates = [new URL('../public/', import.meta.url), new URL('../../public/', import.meta.url)];
  for (const base of candidates) {
    try {
      const entries = await Promise.all(
        Object.entries(FILES).map(async ([route, [name, type]]) => {
          const body = await readFile(fileURLToPath(new URL(name, base)), 'utf8');
          return [route, { body, type }] as const;
        }),
      );
      return new Map(entries);
    } catch {
      // Try the next layout.
    }
  }
  throw new Error('The studio page files (public/index.html, …) are missing from @video-gen/studio.');
}
