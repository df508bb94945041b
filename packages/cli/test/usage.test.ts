import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TIMEOUT_MS } from '@video-gen/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEQUENCE_DIR } from '../src/commands/stitch.js';
import { cleanEnv, runCli, tempFolder, writePng } from './cli-harness.js';

let dir: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  env = cleanEnv(dir);
});
afterEach(() => cleanup());

describe('usage errors exit 2 and say what to do', () => {
  it('rejects an unknown flag and suggests the right one', async () => {
    const run = await runCli(['waves', '--forse'], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--forse'");
    expect(run.stderr).toContain('--force');
    expect(run.stderr).toContain('video-gen --help');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects a malformed --size with the expected format', async () => {
    const run = await runCli(['waves', '--size', 'big'], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--size takes WIDTHxHEIGHT in pixels, such as --size 1280x720');
  });

  it('rejects a size the model does not take, naming what is allowed', async () => {
    const run = await runCli(
      ['waves', '--backend', 'local', '--size', '161x96', '--duration', '1'],
      dir,
      env,
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('size: 161x96 is not allowed');
    expect(run.stderr).toContain('16x16 to 3840x2160 in multiples of 2');
    expect(run.stderr).toContain('video-gen models --backend local');
  });

  it('rejects a non-numeric --fps', async () => {
    const run = await runCli(['waves', '--fps', 'fast'], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fps takes a whole number ≥ 1, such as --fps 24');
  });

  it('asks for a prompt when there is none', async () => {
    const run = await runCli(['--backend', 'local'], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Give a prompt');
  });

  it('refuses --size together with --width/--height', async () => {
    const run = await runCli(['waves', '--size', '160x96', '--width', '160', '--height', '96'], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('either --size WIDTHxHEIGHT or --width and --height');
  });

  it('refuses an image wildcard that matches nothing', async () => {
    const run = await runCli(['waves', '-i', 'shots/*.png', '--dry-run'], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No file matches the image pattern "shots/*.png"');
  });

  it('reports a missing image file before any call', async () => {
    const run = await runCli(['waves', '--backend', 'local', '-i', 'missing.png', '--dry-run'], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.png');
  });

  it('an unknown provider exits 3 and says how to load a third-party plugin', async () => {
    const run = await runCli(['waves', '--backend', 'acme-video', '--dry-run'], dir, env);

    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Unknown provider "acme-video"');
    expect(run.stderr).toContain('--plugin');
  });

  it('--help prints the defaults the code applies', async () => {
    const run = await runCli(['--help'], dir, env);
    const help = run.stdout.replace(/\s+/g, ' '); // commander wraps at the terminal width

    expect(run.code).toBe(0);
    expect(help).toContain(`else ./${DEFAULT_SEQUENCE_DIR})`);
    expect(DEFAULT_SEQUENCE_DIR).toBe('video-gen-sequence');
    expect(help).not.toContain('./sequence)');
    expect(help).toContain(`(default: ${DEFAULT_TIMEOUT_MS / 1000} s; the job keeps its journal)`);
    expect(help).toContain('(default: local; vendor credentials never choose one by themselves)');
  });

  it('--version prints the CLI version', async () => {
    const run = await runCli(['--version'], dir, env);

    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('--dry-run', () => {
  it('prints the validated request, makes no call and writes no file', async () => {
    writePng(path.join(dir, 'a.png'), 64, 48);
    const before = readdirSync(dir);

    const run = await runCli(
      [
        'a lighthouse',
        '--backend',
        'local',
        '--size',
        '320x180',
        '--fps',
        '12',
        '--duration',
        '2',
        '-i',
        'a.png',
        '-o',
        'out/l.mp4',
        '--dry-run',
      ],
      dir,
      env,
    );

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dry run: the request is valid');
    expect(run.stdout).toMatch(/provider:\s+local/);
    expect(run.stdout).toMatch(/model:\s+local-v1/);
    expect(run.stdout).toMatch(/size:\s+320x180/);
    expect(run.stdout).toMatch(/fps:\s+12/);
    expect(run.stdout).toMatch(/duration:\s+2 s/);
    expect(run.stdout).toMatch(/firstFrame\s+.*a\.png\s+\(image\/png, 64x48\)/);
    expect(readdirSync(dir)).toEqual(before);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('prints the request as JSON with --json, including warnings', async () => {
    const run = await runCli(
      [
        'a lighthouse',
        '--backend',
        'local',
        '--size',
        '160x96',
        '--negative-prompt',
        'fog',
        '--dry-run',
        '--json',
      ],
      dir,
      env,
    );

    expect(run.code).toBe(0);
    const checked = JSON.parse(run.stdout);
    expect(checked).toMatchObject({
      dryRun: true,
      provider: 'local',
      model: 'local-v1',
      width: 160,
      height: 96,
    });
    expect(checked.warnings).toEqual([expect.objectContaining({ feature: 'negativePrompt' })]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('usage errors with --json', () => {
  it('also print {"error"} on stdout for scripts', async () => {
    const run = await runCli(['waves', '--json', '--fps', 'x'], dir, env);

    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      error: { code: 'commander.invalidArgument', exitCode: 2, message: expect.stringContaining('--fps') },
    });
  });
});

describe('the default backend', () => {
  it('stays local when vendor keys are set, names each key seen, and never picks a retired provider', async () => {
    const run = await runCli(
      ['waves', '--size', '640x360', '--duration', '2', '--dry-run', '--json'],
      dir,
      cleanEnv(dir, { OPENAI_API_KEY: 'sk-test-SENTINEL-xyz', RUNWAYML_API_SECRET: 'key_SENTINEL' }),
    );

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: true, provider: 'local' });
    expect(run.stderr).toContain('No --backend given: using the offline local provider');
    expect(run.stderr).toContain(
      'found OPENAI_API_KEY, but sora2 is retired (OpenAI shut the Videos API down on 2026-09-24); it is never picked automatically.',
    );
    expect(run.stderr).toContain('found RUNWAYML_API_SECRET; pass --backend runway to use it.');
    expect(run.stdout + run.stderr).not.toContain('SENTINEL');
  });

  it('reads keys from a .env file in the working directory too, and still stays local', async () => {
    writeFileSync(path.join(dir, '.env'), 'RUNWAYML_API_SECRET=key_SENTINEL_env\n');

    const run = await runCli(['waves', '--dry-run'], dir, env);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('provider:  local');
    expect(run.stderr).toContain('found RUNWAYML_API_SECRET; pass --backend runway to use it.');
  });

  it('says so when no vendor credentials are set, with the doctor command as the user ran it', async () => {
    const run = await runCli(['waves', '--dry-run'], dir, env);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'No --backend given: using the offline local provider. Choose a vendor with --backend (see video-gen doctor).',
    );
  });
});

describe('--backend veo3 --dry-run', () => {
  it('validates without credentials, like the other providers', async () => {
    const run = await runCli(
      ['waves at sunset', '--backend', 'veo3', '--size', '1280x720', '--duration', '8', '--dry-run'],
      dir,
      env,
    );

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('provider:  veo3');
  });

  it('still refuses a request the model does not take', async () => {
    const run = await runCli(['waves', '--backend', 'veo3', '--size', '641x360', '--dry-run'], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invalid request for veo3');
  });

  it('a real run without credentials says which combinations of variables work', async () => {
    const run = await runCli(['waves', '--backend', 'veo3', '-o', 'w.mp4'], dir, env);

    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Any one of these works: (1) Vertex AI in a project: GOOGLE_CLOUD_PROJECT');
    expect(run.stderr).toContain(
      'Set one of the combinations named above (in the environment or a .env file), or choose another provider with --backend. `video-gen doctor` shows what is configured.',
    );
    expect(run.stderr).not.toContain(' or GOOGLE_CLOUD_LOCATION or ');
  });
});

describe('--provider-option', () => {
  it('passes key=value to the chosen provider, which refuses keys it does not know (exit 2)', async () => {
    const run = await runCli(
      ['waves', '--backend', 'local', '--provider-option', 'loop=true', '--dry-run'],
      dir,
      env,
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The local provider takes no provider options; got {"loop":true}');
  });

  it('must be key=value', async () => {
    const run = await runCli(['waves', '--provider-option', 'loop'], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--provider-option takes key=value');
  });
});
