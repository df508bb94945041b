import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempFolder } from './cli-harness.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterAll(() => cleanup());

describe('model lifecycle in the CLI', () => {
  it('models prints each status with its dates and source, and --json carries status', async () => {
    const run = await runCli(['models', '--backend', 'veo3'], dir, cleanEnv(dir));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/veo-3\.1-generate-001 {2}Veo 3\.1 {2}\(default\)/);
    expect(run.stdout).toMatch(/status:\s+retired 2026-06-30; use veo-3\.1-generate-001 \(source: reported/);
    expect(run.stdout).toMatch(/status:\s+preview/);

    const json = await runCli(['models', '--backend', 'sora2', '--json'], dir, cleanEnv(dir));
    const { providers } = JSON.parse(json.stdout) as { providers: { models: { status: string }[] }[] };
    expect(providers[0]!.models.every((model) => model.status === 'retired')).toBe(true);
  });

  it('doctor lists the models that are not GA', async () => {
    const run = await runCli(['doctor'], dir, cleanEnv(dir));
    expect(run.stdout).toContain('model sora-2: retired 2026-09-24');
    expect(run.stdout).toContain('model veo-3.1-lite-generate-001: preview');
    const json = await runCli(['doctor', '--json'], dir, cleanEnv(dir));
    const veo = JSON.parse(json.stdout).providers.find((p: { id: string }) => p.id === 'veo3');
    expect(veo.models).toContainEqual({
      id: 'veo-3.0-generate-001',
      status: 'retired',
      lifecycle: 'retired 2026-06-30; use veo-3.1-generate-001',
    });
  });

  it('refuses a retired model in a dry run (exit 2 with model_retired), and --allow-retired lets it through', async () => {
    const env = cleanEnv(dir, { OPENAI_API_KEY: 'sk-test-key' });
    const refused = await runCli(['waves', '--backend', 'sora2', '--dry-run', '--json'], dir, env);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toContain('model_retired');

    const allowed = await runCli(['waves', '--backend', 'sora2', '--dry-run', '--allow-retired'], dir, env);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('model:     sora-2 (retired 2026-09-24)');
  });

  it('with only OPENAI_API_KEY set, never picks sora2 by itself', async () => {
    const run = await runCli(['waves', '--dry-run'], dir, cleanEnv(dir, { OPENAI_API_KEY: 'sk-test-key' }));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('provider:  local');
  });
});
