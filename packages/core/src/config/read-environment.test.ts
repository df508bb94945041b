import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readEnvironment } from './read-environment.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'video-gen-env-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('readEnvironment', () => {
  it('merges .env under the environment: the environment wins', () => {
    writeFileSync(join(dir, '.env'), 'A=from-file\nB="quoted file value"\n# comment\nC=file-only\n');
    const env = readEnvironment({ cwd: dir, env: { A: 'from-env', D: 'env-only' } });
    expect(env).toMatchObject({ A: 'from-env', B: 'quoted file value', C: 'file-only', D: 'env-only' });
  });

  it('an empty variable does not hide the file value', () => {
    writeFileSync(join(dir, '.env'), 'A=from-file\n');
    expect(readEnvironment({ cwd: dir, env: { A: '', B: '' } })).toEqual({ A: 'from-file', B: '' });
  });

  it('reads the process environment by default and never changes it', () => {
    vi.stubEnv('VIDEO_GEN_TEST_VAR', 'from-process');
    writeFileSync(join(dir, '.env'), 'VIDEO_GEN_TEST_VAR=from-file\nVIDEO_GEN_TEST_FILE_ONLY=x\n');
    expect(readEnvironment({ cwd: dir }).VIDEO_GEN_TEST_VAR).toBe('from-process');
    expect(process.env.VIDEO_GEN_TEST_FILE_ONLY).toBeUndefined();
  });

  it('reads only the named variables when asked', () => {
    vi.stubEnv('VIDEO_GEN_TEST_VAR', 'yes');
    vi.stubEnv('VIDEO_GEN_TEST_OTHER', 'no');
    expect(readEnvironment({ envFile: false, names: ['VIDEO_GEN_TEST_VAR'] })).toEqual({
      VIDEO_GEN_TEST_VAR: 'yes',
    });
  });

  it('accepts a missing file, another file name, or none', () => {
    expect(readEnvironment({ cwd: dir, env: { A: '1' } })).toEqual({ A: '1' });
    writeFileSync(join(dir, '.env.local'), 'L=local\n');
    writeFileSync(join(dir, '.env'), 'E=default\n');
    expect(readEnvironment({ cwd: dir, env: {}, envFile: '.env.local' })).toEqual({ L: 'local' });
    expect(readEnvironment({ cwd: dir, env: {}, envFile: false })).toEqual({});
  });
});
