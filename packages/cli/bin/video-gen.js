#!/usr/bin/env node
// The `video-gen` command. This file is committed (the built CLI is not), so `npm install` in a
// fresh clone links node_modules/.bin/video-gen before anything is built; it loads the built code
// and, until `npm run build` has run, says so instead of failing with a bare module error.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps the compiled code of the CLI and its dependencies on disk between runs (in the
// temp folder), which saves tens of milliseconds of every start (issue 16). NODE_COMPILE_CACHE
// moves the cache, NODE_DISABLE_COMPILE_CACHE=1 turns it off; Bun and Deno have no such call.
try {
  module.enableCompileCache?.();
} catch {
  // A cache that cannot be set up only costs speed.
}

const built = new URL('../dist/cli.js', import.meta.url);

if (!existsSync(built)) {
  process.stderr.write(
    'video-gen is not built yet: run `npm run build` in the repository root (the folder with the root package.json), then run this command again.\n',
  );
  process.exitCode = 3;
} else {
  await import(built.href);
}
