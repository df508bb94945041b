import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveFfmpeg } from '@video-gen/core/ffmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, SMALL, tempFolder } from './cli-harness.js';

const PRICED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'priced-provider.mjs');
const priced = ['--plugin', PRICED, '--backend', 'priced'];

let dir: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;
let submits: string;

const submitted = () => (existsSync(submits) ? readFileSync(submits, 'utf8').trim().split('\n').length : 0);

beforeAll(async () => {
  ({ dir, cleanup } = await tempFolder());
  const video = path.join(dir, 'priced.mp4');
  const ffmpeg = spawnSync(
    resolveFfmpeg().path,
    ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=green:s=160x96:d=1:r=12', '-pix_fmt', 'yuv420p', video],
    { encoding: 'utf8' },
  );
  expect(ffmpeg.status, ffmpeg.stderr).toBe(0);
  submits = path.join(dir, 'priced-submits.log');
  env = cleanEnv(dir, { PRICED_VIDEO: video, PRICED_SUBMITS: submits });
});
afterAll(() => cleanup());

describe('--dry-run cost estimate', () => {
  it('shows the estimate with its basis and date, and --json carries costEstimate', async () => {
    const run = await runCli(['waves', ...priced, '--duration', '4', '--dry-run'], dir, env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '  cost:      about 20 credits (4 s × 5 credits/s; prices as of 2026-12-01)',
    );

    const json = await runCli(['waves', ...priced, '--duration', '4', '--dry-run', '--json'], dir, env);
    expect(JSON.parse(json.stdout).costEstimate).toEqual({
      amount: 20,
      unit: 'credits',
      basis: '4 s × 5 credits/s',
      source: 'test fixture price table',
      asOf: '2026-12-01',
    });
    const local = await runCli(['waves', ...SMALL, '--dry-run'], dir, env);
    expect(local.stdout).toContain('  cost:      about 0 USD');
    expect(submitted()).toBe(0);
  });
});

describe('--max-cost', () => {
  it('refuses a video whose estimate is above it (exit 2), with no paid call', async () => {
    const run = await runCli(
      ['waves', ...priced, '--duration', '4', '--max-cost', '19', '-o', 'w.mp4'],
      dir,
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The estimate for this request is 20 credits');
    expect(run.stderr).toContain('above maxCost 19 credits');
    const json = await runCli(
      ['waves', ...priced, '--duration', '4', '--max-cost', '5USD', '--json', '-o', 'w.mp4'],
      dir,
      env,
    );
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).error.code).toBe('cost_unit_mismatch');
    const dry = await runCli(
      ['waves', ...priced, '--duration', '4', '--max-cost', '19', '--dry-run'],
      dir,
      env,
    );
    expect(dry.code).toBe(2);
    expect(submitted()).toBe(0);
    expect(existsSync(path.join(dir, 'w.mp4.job.json'))).toBe(false);
  });

  it('refuses a malformed amount as bad usage', async () => {
    const run = await runCli(['waves', ...priced, '--max-cost', 'lots', '--dry-run'], dir, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-cost takes an amount');
  });

  it('with --stitch: the dry run shows each clip and the total, and a sequence over the cap sends nothing', async () => {
    const clips = ['--stitch', '-p', 'one', 'two', 'three', ...priced, '--duration', '2'];
    const dry = await runCli([...clips, '--dry-run'], dir, env);
    expect(dry.code).toBe(0);
    expect(dry.stdout.match(/cost {8}about 10 credits/g)).toHaveLength(3);
    expect(dry.stdout).toContain('  total cost: about 30 credits for 3 clips (prices as of 2026-12-01)');
    const dryOver = await runCli([...clips, '--dry-run', '--max-cost', '29credits'], dir, env);
    expect(dryOver.code).toBe(2);
    expect(dryOver.stderr).toContain('sequence of 3 clips is 30 credits');

    const over = await runCli([...clips, '--max-cost', '29', '--out-dir', 'seq', '--json'], dir, env);
    expect(over.code).toBe(2);
    expect(JSON.parse(over.stdout).error.code).toBe('over_budget');
    expect(submitted()).toBe(0);
    expect(existsSync(path.join(dir, 'seq', 'sequence.json'))).toBe(false);
  });
});

describe('video-gen list cost', () => {
  it('shows each cost (reported, or ~estimated), and --sum totals them per unit; --json --sum gives { generations, total }', async () => {
    const paid = await runCli(
      ['waves', ...priced, '--duration', '4', '--max-cost', '20', '-o', 'paid.mp4'],
      dir,
      env,
    );
    expect(paid.code, paid.stderr).toBe(0);
    expect(submitted()).toBe(1);
    const free = await runCli(['kite', ...SMALL, '-o', 'free.mp4'], dir, env);
    expect(free.code).toBe(0);

    const table = await runCli(['list', '--sum'], dir, env);
    expect(table.code).toBe(0);
    const [header, ...rows] = table.stdout.trim().split('\n');
    expect(header).toMatch(/\bVIDEO\s+COST\s+PROMPT\b/);
    expect(rows.find((row) => row.includes('priced/priced-1'))).toMatch(/160x96 4s\s+18 credits\s+"waves"/);
    expect(rows.find((row) => row.includes('local/local-v1'))).toMatch(/160x96 1s\s+~0 USD\s+"kite"/);
    expect(rows).toContain('total: 18 credits over 1 generation (as reported by the vendor)');
    expect(rows).toContain('total: 0 USD over 1 generation (estimated before the submit)');

    const json = await runCli(['list', '--since', '7d', '--json', '--sum'], dir, env);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      generations: { provider: string; costEstimate?: unknown; usage?: unknown }[];
      total: Record<string, unknown>;
    };
    expect(parsed.generations).toHaveLength(2);
    expect(parsed.generations.find((record) => record.provider === 'priced')).toMatchObject({
      costEstimate: { amount: 20, unit: 'credits' },
      usage: { cost: { amount: 18, currency: 'credits' } },
    });
    expect(parsed.total).toEqual({
      credits: { amount: 18, actual: 18, estimated: 0, generations: 1 },
      USD: { amount: 0, actual: 0, estimated: 0, generations: 1 },
    });
    const plain = await runCli(['list', '--json'], dir, env);
    expect(Array.isArray(JSON.parse(plain.stdout))).toBe(true);
  });
});
