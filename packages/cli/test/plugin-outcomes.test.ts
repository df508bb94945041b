import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempFolder } from './cli-harness.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'scripted-provider.mjs');
const PLUGIN = ['--plugin', FIXTURE];

let dir: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempFolder());
  env = cleanEnv(dir);
});
afterAll(() => cleanup());

const generate = (prompt: string, ...extra: string[]) =>
  runCli([prompt, ...PLUGIN, '--backend', 'scripted', '-o', `${prompt}.mp4`, ...extra], dir, env);

describe('a third-party provider loaded with --plugin', () => {
  it('is listed by models', async () => {
    const run = await runCli(['models', ...PLUGIN, '--backend', 'scripted'], dir, env);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('scripted (scripted-provider-fixture)');
    expect(run.stdout).toMatch(/scripted-1\s+Scripted outcomes\s+\(default\)/);
  });

  it('is checked by doctor: its variable shows as set, never its value', async () => {
    const run = await runCli(
      ['doctor', ...PLUGIN],
      dir,
      cleanEnv(dir, { SCRIPTED_API_KEY: 'scripted-SENTINEL-42' }),
    );

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/scripted\s+installed \(scripted-provider-fixture\)\s+credentials: found/);
    expect(run.stdout).toContain('SCRIPTED_API_KEY: set');
    expect(run.stdout + run.stderr).not.toContain('SENTINEL');
  });

  it('a missing module is a usage error naming it', async () => {
    const run = await runCli(['waves', '--plugin', './nowhere.mjs', '--backend', 'scripted'], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Cannot load the plugin "./nowhere.mjs"');
  });
});

describe('exit codes by outcome', () => {
  it('4 when the vendor refuses the content, with what to do next', async () => {
    const run = await generate('refuse');

    expect(run.code).toBe(4);
    expect(run.stderr).toContain('refused by the content policy');
    expect(run.stderr).toContain('Rephrase the prompt');
    expect(existsSync(path.join(dir, 'refuse.mp4.job.json'))).toBe(false);
  });

  it('4 when the vendor rejects the credentials', async () => {
    const run = await generate('unauthorised');

    expect(run.code).toBe(4);
    expect(run.stderr).toContain('rejected the credentials');
  });

  it('4 when the account has no credits', async () => {
    const run = await generate('broke');

    expect(run.code).toBe(4);
    expect(run.stderr).toContain('Add credits to your scripted account');
  });

  it('3 when the provider is not configured, naming the variable to set', async () => {
    const run = await generate('unconfigured', '--json');

    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Set SCRIPTED_API_KEY');
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'configuration_invalid', exitCode: 3 } });
  });

  it('5 when the job fails at the vendor', async () => {
    const run = await generate('fail');

    expect(run.code).toBe(5);
    expect(run.stderr).toContain('The vendor could not render it.');
  });

  it('6 on --timeout, keeping the journal and printing the resume command', async () => {
    const run = await generate('slow', '--timeout', '1');

    expect(run.code).toBe(6);
    const journal = path.join(dir, 'slow.mp4.job.json');
    expect(existsSync(journal)).toBe(true);
    expect(run.stderr).toContain('did not finish within 1 s');
    expect(run.stderr).toContain(`video-gen resume ${journal} --plugin ${FIXTURE} --timeout 3600`);
  });

  it('status --live asks the third-party provider about that job', async () => {
    const run = await runCli(['status', 'slow.mp4.job.json', '--live', ...PLUGIN], dir, env);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/provider:\s+scripted/);
    expect(run.stdout).toMatch(/job id:\s+job-slow/);
    expect(run.stdout).toMatch(/live:\s+running 50%/);
  });
});
