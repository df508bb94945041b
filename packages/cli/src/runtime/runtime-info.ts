/** The JavaScript runtime running the CLI. */
export interface RuntimeInfo {
  readonly name: 'node' | 'bun' | 'deno';
  readonly version: string;
}

/**
 * Which runtime this is: Bun and Deno also define `process.versions.node`, so they are asked first.
 *
 * @example
 * ```ts
 * detectRuntime(); // { name: 'bun', version: '1.4.5' }
 * ```
 */
export function detectRuntime(): RuntimeInfo {
  const deno = (globalThis as { Deno?: { version?: { deno?: string } } }).Deno;
  if (deno?.version?.deno) return { name: 'deno', version: deno.version.deno };
  const bun = (process.versions as { bun?: string }).bun;
  if (bun) return { name: 'bun', version: bun };
  return { name: 'node', version: process.versions.node };
}
