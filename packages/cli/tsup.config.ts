import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'es2023',
  removeNodeProtocol: false,
  banner: { js: '#!/usr/bin/env node' },
});
