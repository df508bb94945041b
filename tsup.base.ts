import type { Options } from 'tsup';

/**
 * The build every publishable package shares: ESM + CommonJS + type declarations for the given
 * entries, with `import.meta.url` shimmed in CommonJS and `node:` specifiers kept (Deno and Bun
 * resolve them without guessing).
 */
export function libraryBuild(entry: string[], extra: Options = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2023',
    shims: true,
    removeNodeProtocol: false,
    ...extra,
  };
}
