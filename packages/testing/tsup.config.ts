import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/loopback.ts', 'src/msw.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2023',
  removeNodeProtocol: false,
});
