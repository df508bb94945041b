import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CliRun,
  cleanEnv,
  finished,
  jsonLines,
  probeVideo,
  runCli,
  startCli,
  tempFolder,
} from './cli-harness.js';

let dir: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempFolder());
  env = cleanEnv(dir);
});
afterAll(() => cleanup());

/** Starts a render slow enough (a few seconds) to interrupt, and sends SIGINT once the job is running. */
async function interruptWhileRunning(output: string): Promise<CliRun> {
  const child = startCli(
    [
      'a slow storm',
      '--backend',
      'local',
      '--size',
      '800x450',
      '--fps',
      '24',
      '--duration',
      '10',
      '-o',
      output,
      '--events',
    ],
    dir,
    env,
  );
  const done = finished(child);
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer | string) => {
      seen += chunk.toString();
      if (seen.includes('"phase":"running"')) resolve();
    });
    child.on('close', () => reject(new Error(`the CLI ended before the job ran:\n${seen}`)));
  });
  child.kill('SIGINT');
  return done;
}

describe('Ctrl-C, status and resume', () => {
  const output = 'storm.mp4';
  let journal: string;

  it('SIGINT mid-job exits 130, keeps the journal and says exactly how to resume', async () => {
    journal = path.join(dir, `${output}.job.json`);

    const run = await interruptWhileRunning(output);

    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Cancelled.');
    expect(run.stderr).toContain(`video-gen resume ${journal}`);
    expect(existsSync(journal)).toBe(true);
    expect(existsSync(path.join(dir, output))).toBe(false);
    const error = jsonLines(run.stdout).at(-1);
    expect(error).toMatchObject({ error: { code: 'cancelled', exitCode: 130, journalPath: journal } });
  });

  it('status prints what the journal records', async () => {
    const run = await runCli(['status', journal], dir, env);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/state:\s+submitted/);
    expect(run.stdout).toMatch(/provider:\s+local/);
    expect(run.stdout).toMatch(/model:\s+local-v1/);
    expect(run.stdout).toMatch(/job id:\s+[0-9a-f-]{36}/);
    expect(run.stdout).toMatch(/created:\s+\d{4}-\d\d-\d\dT/);
    expect(run.stdout).toContain(`resume:    video-gen resume ${journal}`);
  });

  it('status --live --json also asks the provider about the job', async () => {
    const run = await runCli(['status', journal, '--live', '--json'], dir, env);

    expect(run.code).toBe(0);
    const status = JSON.parse(run.stdout);
    expect(status).toMatchObject({ state: 'submitted', provider: 'local', outPath: path.join(dir, output) });
    expect(['queued', 'running', 'succeeded']).toContain(status.live.state);
  });

  it('resume finishes the same job and writes the video', async () => {
    const run = await runCli(['resume', journal, '--json'], dir, env);

    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ path: path.join(dir, output), resumed: true, size: '800x450' });
    expect(probeVideo(path.join(dir, output))).toMatchObject({ width: 800, height: 450 });
    expect(existsSync(journal)).toBe(false);
  });

  it('status after the job finished says where the video is', async () => {
    const run = await runCli(['status', journal], dir, env);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`the job finished, its video is ${path.join(dir, output)}`);
  });

  it('resume of a journal that does not exist exits 2', async () => {
    const run = await runCli(['resume', 'nothing.mp4.job.json'], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nothing to resume');
  });
});

describe('the generation ledger: generations and download', () => {
  it('generations lists every paid job, newest first, with its status', async () => {
    const run = await runCli(['generations', '--json'], dir, env);

    expect(run.code).toBe(0);
    const generations = JSON.parse(run.stdout);
    expect(generations[0]).toMatchObject({
      provider: 'local',
      status: 'downloaded',
      outPath: path.join(dir, 'storm.mp4'),
    });
    expect(generations[0].id).toMatch(/^local_/);
  });

  it('download of an unknown id exits 2 and says how to list them', async () => {
    const run = await runCli(['download', 'local_nope'], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('video-gen list');
  });
});
