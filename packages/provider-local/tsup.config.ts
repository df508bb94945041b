import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2023',
  // Keep `node:` specifiers: Deno and Bun resolve them without guessing.
  removeNodeProtocol: false,
});
