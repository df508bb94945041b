import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempFolder } from './cli-harness.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterAll(() => cleanup());

describe('video-gen models', () => {
  it('lists local-v1 with its limits', async () => {
    const run = await runCli(['models', '--backend', 'local'], dir, cleanEnv(dir));

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('local-v1');
    expect(run.stdout).toMatch(/durations:\s+1–60 s, step 1 \(default 4 s\)/);
    expect(run.stdout).toMatch(/sizes:\s+16x16 to 3840x2160, multiples of 2 \(default 1280x720\)/);
    expect(run.stdout).toMatch(/fps:\s+1–60, step 1 \(default 24\)/);
    expect(run.stdout).toMatch(/first frame:\s+yes/);
    expect(run.stdout).toMatch(/last frame:\s+yes/);
    expect(run.stdout).toMatch(/reference images:\s+0/);
    expect(run.stdout).toMatch(/audio:\s+optional/);
  });

  it('--json gives each provider with its ModelInfo, and says which are not installed', async () => {
    const run = await runCli(['models', '--json'], dir, cleanEnv(dir));

    expect(run.code).toBe(0);
    const { providers } = JSON.parse(run.stdout) as { providers: Record<string, unknown>[] };
    const local = providers.find((p) => p.id === 'local');
    expect(local).toMatchObject({ installed: true, models: [expect.objectContaining({ id: 'local-v1' })] });
    // Whichever first-party packages are absent are listed with the command that adds them.
    for (const missing of providers.filter((p) => !p.installed && p.reason === 'not installed')) {
      expect(missing.install).toBe(`npm install ${missing.packageName}`);
    }
  });

  it('--list-models is the same listing', async () => {
    const run = await runCli(['--list-models', 'local'], dir, cleanEnv(dir));

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('local-v1');
  });
});

describe('video-gen doctor', () => {
  it('reports providers, credentials as set/not set without values, ffmpeg and the output folder', async () => {
    const secret = 'sk-test-SENTINEL-xyz';
    const run = await runCli(['doctor'], dir, cleanEnv(dir, { OPENAI_API_KEY: secret }));

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/local\s+installed/);
    expect(run.stdout).toMatch(/OPENAI_API_KEY: set/);
    expect(run.stdout).toMatch(/AZURE_OPENAI_API_KEY: not set/);
    expect(run.stdout).toMatch(/ffmpeg\s+\S+\s+\[(package|env|PATH|option)/);
    expect(run.stdout).toContain('ffmpeg version');
    expect(run.stdout).toMatch(/on (node|bun|deno) \d+/);
    expect(run.stdout).toContain(`${dir}: writable`);
    expect(run.stdout + run.stderr).not.toContain('SENTINEL');
  });

  it('--json never contains a secret either', async () => {
    const run = await runCli(
      ['doctor', '--json'],
      dir,
      cleanEnv(dir, { OPENAI_API_KEY: 'sk-test-SENTINEL-xyz' }),
    );

    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('SENTINEL');
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(report.ffmpeg).toMatchObject({ found: true, version: expect.stringContaining('ffmpeg version') });
    const sora = report.providers.find((p: { id: string }) => p.id === 'sora2');
    expect(sora.variables).toContainEqual({ name: 'OPENAI_API_KEY', set: true });
  });

  it('shows the default-provider rule and the credentials it saw, marking retired providers', async () => {
    const run = await runCli(
      ['doctor'],
      dir,
      cleanEnv(dir, { OPENAI_API_KEY: 'sk-test-SENTINEL-xyz', RUNWAYML_API_SECRET: 'key_SENTINEL' }),
    );

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('default  local (when no --backend is given)');
    expect(run.stdout).toContain(
      'Without --backend, video-gen uses the offline local provider: it never turns a command into a paid call unless you name the provider.',
    );
    expect(run.stdout).toContain('found RUNWAYML_API_SECRET; pass --backend runway to use it.');
    expect(run.stdout).toMatch(/sora2 .*RETIRED: OpenAI shut the Videos API down on 2026-09-24/);
    expect(run.stdout).toMatch(/azure-sora .*RETIRED: Azure retired sora-2/);
    expect(run.stdout + run.stderr).not.toContain('SENTINEL');
  });

  it('--json carries the default-provider rule and the sightings', async () => {
    const run = await runCli(
      ['doctor', '--json'],
      dir,
      cleanEnv(dir, { RUNWAYML_API_SECRET: 'key_SENTINEL' }),
    );

    expect(JSON.parse(run.stdout).defaultBackend).toEqual({
      id: 'local',
      rule: expect.stringContaining('never turns a command into a paid call'),
      sightings: [
        { provider: 'runway', variables: ['RUNWAYML_API_SECRET'], retired: null, missingPackage: null },
      ],
    });
  });

  it('exits 3 naming the variable when FFMPEG_PATH points nowhere', async () => {
    const run = await runCli(['doctor'], dir, cleanEnv(dir, { FFMPEG_PATH: '/nonexistent/ffmpeg' }));

    expect(run.code).toBe(3);
    expect(run.stdout).toContain('FFMPEG_PATH points to a file that does not exist');
  });
});
