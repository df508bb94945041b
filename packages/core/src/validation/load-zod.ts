import { createRequire } from 'node:module';
import type * as Zod from 'zod';

// zod takes tens of milliseconds to import, so core loads it when a schema is first needed, never
// with core itself.

let loading: Promise<typeof Zod> | undefined;
let required: typeof Zod | undefined;

/** zod, imported on first use (journal, ledger and option schemas, which are read asynchronously). */
export function loadZod(): Promise<typeof Zod> {
  loading ??= import('zod');
  return loading;
}

/**
 * zod, loaded synchronously for the one public helper that must return a schema at once
 * (`envBoolean()`). Where `require` can load an ES module (Node ≥ 20.19, Bun, Deno) it loads zod's
 * ES build, the very module instance `import 'zod'` gives the caller; elsewhere zod's CommonJS
 * build, a second copy whose schemas still compose with the caller's (zod 4's `instanceof`
 * checks traits, not classes).
 */
export function requireZod(): typeof Zod {
  if (required) return required;
  const require = createRequire(import.meta.url);
  const commonJs = require.resolve('zod');
  try {
    required = require(commonJs.replace(/index\.cjs$/, 'index.js')) as typeof Zod;
  } catch {
    required = require(commonJs) as typeof Zod;
  }
  return required;
}
