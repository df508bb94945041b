import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2023',
  shims: true,
  removeNodeProtocol: false,
  // Loaded only for application default credentials; it comes with @google/genai, never bundled.
  external: ['google-auth-library'],
});
