import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempFolder } from './cli-harness.js';

let dir: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;
const SMALL = ['--backend', 'local', '--size', '160x96', '--duration', '1', '--fps', '12'];

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  env = cleanEnv(dir);
});
afterEach(() => cleanup());

describe('video-gen --stitch paths', () => {
  it('--out-dir naming an existing file exits 2 (usage) before any clip, leaving the file alone', async () => {
    const file = path.join(dir, 'not-a-folder');
    writeFileSync(file, 'keep me');
    const run = await runCli(['--stitch', '-p', 'a kite', 'a storm', ...SMALL, '--out-dir', file], dir, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).not.toMatch(/at .+\.js:\d+/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('--concat equal to --out-dir exits 2 before any clip', async () => {
    const run = await runCli(
      ['--stitch', '-p', 'a kite', 'a storm', ...SMALL, '--out-dir', 'seq', '--concat', 'seq'],
      dir,
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('concatTo');
  });
});
