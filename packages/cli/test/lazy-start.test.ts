import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, tempFolder } from './cli-harness.js';

// The CLI loads only what the command it runs needs (issue 16: spawn to `submitting` ≤ 150 ms).
// Structural: which packages a run loads, recorded by a module hook, never how long it took.

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterEach(() => cleanup());

/** The packages under node_modules (and workspace packages) a CLI run loads, ESM and CommonJS. */
function packagesLoadedBy(args: readonly string[]): { status: number | null; packages: Set<string> } {
  const log = path.join(dir, 'loaded.txt');
  const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}`;
  // require() bypasses the resolve hook: the CommonJS module cache is written out at exit.
  const setup = `import { register, createRequire } from 'node:module';
import { appendFileSync } from 'node:fs';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});
const cache = createRequire(process.cwd() + '/').cache;
process.on('exit', () => appendFileSync(${JSON.stringify(log)}, Object.keys(cache).join('\\n') + '\\n'));`;
  const run = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(setup)}`, BIN, ...args],
    { cwd: dir, encoding: 'utf8', env: cleanEnv(dir) },
  );
  const packages = new Set<string>();
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line);
    if (inModules?.[1]) packages.add(inModules[1]);
    const workspace = /\/packages\/([^/]+)\/dist\//.exec(line);
    if (workspace?.[1]) packages.add(`@video-gen/${workspace[1]}`);
  }
  return { status: run.status, packages };
}

const NOT_FOR_A_LOCAL_GENERATION = [
  'openai',
  '@google/genai',
  'google-auth-library',
  '@runwayml/sdk',
  '@video-gen/stitching',
  '@video-gen/provider-sora',
  '@video-gen/provider-veo3',
  '@video-gen/provider-runway',
  '@video-gen/provider-azure-sora',
  'cli-progress',
  'tinyglobby',
  'ky',
  'dotenv',
];

describe('starting the CLI', () => {
  it('a local generation loads the CLI, core and provider-local, and no vendor SDK, stitching, globbing or progress bar', () => {
    const { status, packages } = packagesLoadedBy([
      'a red kite',
      '--events',
      '--duration',
      '1',
      '--size',
      '64x64',
      '-o',
      'kite.mp4',
    ]);
    expect(status).toBe(0);
    expect(packages).toContain('@video-gen/cli');
    expect(packages).toContain('@video-gen/core');
    expect(packages).toContain('@video-gen/provider-local');
    expect(packages).toContain('commander');
    expect(NOT_FOR_A_LOCAL_GENERATION.filter((name) => packages.has(name))).toEqual([]);
  });

  it('`--version` loads neither a provider nor zod', () => {
    const { status, packages } = packagesLoadedBy(['--version']);
    expect(status).toBe(0);
    expect(packages).toContain('commander');
    expect([...packages].filter((name) => name.startsWith('@video-gen/provider-') || name === 'zod')).toEqual(
      [],
    );
  });

  it('a glob among the images loads tinyglobby, only then', () => {
    const { packages } = packagesLoadedBy(['a red kite', '-i', 'shots/*.png', '--dry-run']);
    expect(packages).toContain('tinyglobby');
  });
});

describe('the committed bin', () => {
  it("keeps Node's compile cache in the temp folder between runs", () => {
    const run = spawnSync(process.execPath, [BIN, '--version'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...cleanEnv(dir), TMPDIR: dir },
    });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(dir, 'node-compile-cache'))).toBe(true);
  });

  it('leaves it off with NODE_DISABLE_COMPILE_CACHE=1', () => {
    const run = spawnSync(process.execPath, [BIN, '--version'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...cleanEnv(dir), TMPDIR: dir, NODE_DISABLE_COMPILE_CACHE: '1' },
    });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(dir, 'node-compile-cache'))).toBe(false);
  });
});
