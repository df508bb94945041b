import { describe, expect, it } from 'vitest';
import { type InvocationFacts, invocationWords } from './invocation.js';

const base: InvocationFacts = {
  runtime: 'node',
  script: '/usr/local/bin/video-gen',
  execPath: '/usr/local/bin/node',
  npmCommand: undefined,
  pathDirs: ['/usr/bin', '/usr/local/bin'],
  cwd: '/home/me/films',
};

describe('invocationWords: the command a hint prints, as the user started the CLI', () => {
  it('is `video-gen` for the bin on PATH (npm install -g)', () => {
    expect(invocationWords(base)).toEqual(['video-gen']);
  });

  it('is `npx --no-install video-gen` under npx or npm exec in a project that has it', () => {
    const facts = { ...base, npmCommand: 'exec', script: '/repo/node_modules/.bin/video-gen' };
    expect(invocationWords({ ...facts, pathDirs: ['/repo/node_modules/.bin', ...base.pathDirs] })).toEqual([
      'npx',
      '--no-install',
      'video-gen',
    ]);
  });

  it('is `npx @video-gen/cli` when npx fetched the package into its cache', () => {
    const script = '/home/me/.npm/_npx/2b1c/node_modules/.bin/video-gen';
    expect(invocationWords({ ...base, npmCommand: 'exec', script })).toEqual(['npx', '@video-gen/cli']);
  });

  it('is the runtime and the script for a file run directly, relative to the working folder', () => {
    const script = '/home/me/films/video-gen/packages/cli/bin/video-gen.js';
    expect(invocationWords({ ...base, script })).toEqual(['node', 'video-gen/packages/cli/bin/video-gen.js']);
    expect(invocationWords({ ...base, script: '/opt/cli/bin/video-gen.js' })).toEqual([
      'node',
      '/opt/cli/bin/video-gen.js',
    ]);
  });

  it('does not take a `video-gen` that is not on PATH for one that is', () => {
    expect(invocationWords({ ...base, pathDirs: ['/usr/bin'] })).toEqual([
      'node',
      '/usr/local/bin/video-gen',
    ]);
  });

  it('reaches Bun and Deno installed as npm dev dependencies with npx', () => {
    const script = '/repo/packages/cli/bin/video-gen.js';
    const facts = { ...base, cwd: '/repo', script };
    expect(
      invocationWords({ ...facts, runtime: 'bun', execPath: '/repo/node_modules/bun/bin/bun.exe' }),
    ).toEqual(['npx', 'bun', 'packages/cli/bin/video-gen.js']);
    expect(invocationWords({ ...facts, runtime: 'deno', execPath: '/repo/node_modules/deno/deno' })).toEqual([
      'npx',
      'deno',
      'run',
      '-A',
      'packages/cli/bin/video-gen.js',
    ]);
  });

  it('is `deno run -A npm:@video-gen/cli` and `bunx @video-gen/cli` for the registry package', () => {
    const denoScript = '/home/me/.cache/deno/npm/registry.npmjs.org/@video-gen/cli/0.1.0/bin/video-gen.js';
    expect(invocationWords({ ...base, runtime: 'deno', script: denoScript })).toEqual([
      'deno',
      'run',
      '-A',
      'npm:@video-gen/cli',
    ]);
    const bunScript = '/tmp/bunx-1000-@video-gen/cli@latest/node_modules/.bin/video-gen';
    expect(invocationWords({ ...base, runtime: 'bun', script: bunScript })).toEqual([
      'bunx',
      '@video-gen/cli',
    ]);
  });
});
