import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type FalLoopback, startFalLoopback } from './fal-loopback.js';

const require = createRequire(import.meta.url);
const BIN = path.join(path.dirname(require.resolve('@video-gen/cli/package.json')), 'bin', 'video-gen.js');
const PLUGIN = fileURLToPath(new URL('./fixtures/fal-plugin.mjs', import.meta.url));
const KEY = 'fal-cli-test-key-0123456789';

function cli(args: string[], cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the CLI with an aiSdkPlugin (--plugin)', () => {
  let fal: FalLoopback | undefined;
  let dir = '';
  afterEach(async () => {
    await fal?.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates with an AI SDK provider named by --backend, and never prints the key', async () => {
    fal = await startFalLoopback(KEY, 1);
    dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-ai-sdk-cli-'));
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      VIDEO_GEN_HOME: path.join(dir, '.video-gen'),
      VIDEO_GEN_LOG_FILE: 'off',
      NO_COLOR: '1',
      FAL_KEY: KEY,
      FAL_LOOPBACK_ORIGIN: fal.server.url,
    };
    const run = await cli(
      [
        'A lighthouse at dusk',
        '--plugin',
        PLUGIN,
        '--backend',
        'fal',
        '--duration',
        '9',
        '-o',
        'fal.mp4',
        '--json',
      ],
      dir,
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
      provider?: string;
      model?: string;
    };
    expect(result.provider).toBe('fal');
    expect(result.model).toBe('luma-dream-machine/ray-2');
    expect(readFileSync(path.join(dir, 'fal.mp4')).subarray(4, 8).toString('ascii')).toBe('ftyp');
    expect(fal.submits()).toBe(1);
    const submit = fal.server.requests.find((r) => r.method === 'POST');
    expect(JSON.parse(submit?.body.toString() ?? '{}')).toMatchObject({
      prompt: 'A lighthouse at dusk',
      duration: '9s',
    });
    expect(`${run.stdout}${run.stderr}`).not.toContain(KEY);
  });
});
