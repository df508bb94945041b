import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, CLI_ON_PATH, cleanEnv, runCli, tempFolder } from './cli-harness.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterEach(() => cleanup());

describe('the committed bin (packages/cli/bin/video-gen.js)', () => {
  it('is what package.json links as `video-gen`, so npm install links it before any build', () => {
    const manifest = JSON.parse(readFileSync(path.join(BIN, '..', '..', 'package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ 'video-gen': './bin/video-gen.js' });
    expect(manifest.files).toContain('bin');
  });

  it('runs the built CLI', () => {
    const run = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8', env: cleanEnv(dir) });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('says to run the build, and exits 3, when dist is missing (a fresh clone)', () => {
    const copy = path.join(dir, 'cli', 'bin', 'video-gen.js');
    mkdirSync(path.dirname(copy), { recursive: true });
    cpSync(BIN, copy);

    const run = spawnSync(process.execPath, [copy, '--help'], { encoding: 'utf8', env: cleanEnv(dir) });

    expect(run.status).toBe(3);
    expect(run.stderr).toContain('video-gen is not built yet: run `npm run build` in the repository root');
    expect(run.stdout).toBe('');
  });
});

describe('hints print the command as the user started it', () => {
  it('`video-gen …` for the bin on PATH', async () => {
    const run = await runCli(['waves', '--size', '641x360', '--dry-run'], dir, cleanEnv(dir));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Run `video-gen models --backend local` to see what each model takes.');
  });

  it('`npx --no-install video-gen …` under npx / npm exec', async () => {
    const run = await runCli(
      ['waves', '--size', '641x360', '--dry-run'],
      dir,
      cleanEnv(dir, { npm_command: 'exec' }),
    );
    expect(run.stderr).toContain('Run `npx --no-install video-gen models --backend local`');
    expect(run.stderr).toContain('(see npx --no-install video-gen doctor)');
  });

  it('the runtime and the script for a file run by path', () => {
    const run = spawnSync(process.execPath, [BIN, 'waves', '--dry-run'], {
      cwd: dir,
      encoding: 'utf8',
      env: cleanEnv(dir),
    });
    expect(run.stderr).toContain(`(see node ${BIN} doctor)`);
    expect(CLI_ON_PATH).not.toBe(BIN);
  });
});
