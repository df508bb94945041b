import { defineConfig } from 'tsup';
import { libraryBuild } from '../../tsup.base.js';

export default defineConfig(
  libraryBuild(['src/index.ts'], {
    // Loaded only for application default credentials; never bundled.
    external: ['google-auth-library'],
  }),
);
