import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/videos-api.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2023',
  shims: true,
  removeNodeProtocol: false,
});
