import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveFfmpeg } from '@video-gen/core/ffmpeg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, finished, probeVideo, runCli, SMALL, startCli, tempFolder } from './cli-harness.js';

const REPLAY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'replay-provider.mjs');

interface LedgerEntry {
  id: string;
  provider: string;
  status: string;
  outPath: string;
  request: { prompt: string };
  job: { id: string };
}

let dir: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempFolder());
  env = cleanEnv(dir);
});
afterAll(() => cleanup());

async function listJson(...args: string[]): Promise<LedgerEntry[]> {
  const run = await runCli(['list', '--json', ...args], dir, env);
  expect(run.code).toBe(0);
  const parsed = JSON.parse(run.stdout) as unknown;
  expect(Array.isArray(parsed)).toBe(true);
  return parsed as LedgerEntry[];
}

describe('video-gen list', () => {
  it('says so when the ledger is empty, and --json prints []', async () => {
    const run = await runCli(['list'], dir, env);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No generations recorded yet');
    expect(run.stdout).toContain(path.join(dir, '.video-gen', 'ledger'));
    expect(await listJson()).toEqual([]);
  });

  it('shows a local generation as downloaded; --status, --backend and --since filter it', async () => {
    const made = await runCli(['a kite over the sea', ...SMALL, '-o', 'kite.mp4'], dir, env);
    expect(made.code).toBe(0);

    const run = await runCli(['list'], dir, env);
    expect(run.code).toBe(0);
    const [header, row] = run.stdout.trim().split('\n');
    expect(header).toMatch(
      /^ID\s+STATUS\s+CREATED \(UTC\)\s+PROVIDER\/MODEL\s+VIDEO\s+COST\s+PROMPT\s+OUTPUT$/,
    );
    expect(row).toMatch(
      /^local_\S+\s+downloaded\s+.*local\/local-v1\s+160x96 1s\s+~0 USD\s+"a kite over the sea"/,
    );
    expect(row).toContain(path.join(dir, 'kite.mp4'));

    const [record] = await listJson();
    expect(record).toMatchObject({
      provider: 'local',
      status: 'downloaded',
      outPath: path.join(dir, 'kite.mp4'),
      request: { prompt: 'a kite over the sea' },
    });
    expect(await listJson('--status', 'downloaded,succeeded')).toHaveLength(1);
    expect(await listJson('--status', 'failed')).toEqual([]);
    expect(await listJson('--backend', 'sora2')).toEqual([]);
    expect(await listJson('--since', '1h')).toHaveLength(1);
    expect(await listJson('--since', '2999-01-01')).toEqual([]);

    const none = await runCli(['list', '--status', 'failed'], dir, env);
    expect(none.stdout).toContain('No generations match these filters (1 recorded');
  });

  it('refuses an unknown --status or a bad --since (exit 2)', async () => {
    const status = await runCli(['list', '--status', 'done'], dir, env);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain(
      'Unknown --status done: use submitted, succeeded, downloaded, failed, expired',
    );

    const since = await runCli(['list', '--since', 'yesterday'], dir, env);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since takes a date');
  });

  it('`generations` and the Python flag `--list-artifacts` print the same list', async () => {
    const list = await runCli(['list', '--json'], dir, env);
    const generations = await runCli(['generations', '--json'], dir, env);
    const artifacts = await runCli(
      ['--list-artifacts', '--provider', 'local', '--status', 'downloaded', '--json'],
      dir,
      env,
    );

    expect(generations).toMatchObject({ code: 0, stdout: list.stdout });
    expect(artifacts).toMatchObject({ code: 0, stdout: list.stdout });
    const human = await runCli(['--list-artifacts'], dir, env);
    expect(human.stdout).toContain('downloaded');
  });
});

describe('video-gen download', () => {
  it('an unknown id exits 2 and names `video-gen list`; so does --download', async () => {
    for (const args of [
      ['download', 'local_nope'],
      ['--download', 'local_nope'],
    ]) {
      const run = await runCli(args, dir, env);

      expect(run.code).toBe(2);
      expect(run.stderr).toContain('No generation "local_nope" in the ledger');
      expect(run.stderr).toContain('video-gen list');
    }
  });

  it('recovers a local generation interrupted before its download, with no second submit', async () => {
    // A render slow enough to interrupt: Ctrl-C leaves it paid for (submitted) but not downloaded.
    const child = startCli(
      [
        'a slow harbour',
        '--backend',
        'local',
        '--size',
        '640x360',
        '--duration',
        '3',
        '-o',
        'harbour.mp4',
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
    expect((await done).code).toBe(130);
    const [pending] = await listJson('--status', 'submitted,succeeded');
    expect(pending).toMatchObject({ provider: 'local', outPath: path.join(dir, 'harbour.mp4') });
    const before = (await listJson()).length;

    // An existing -o target is refused without --force, untouched.
    writeFileSync(path.join(dir, 'taken.mp4'), 'mine');
    const refused = await runCli(['download', pending!.id, '-o', 'taken.mp4'], dir, env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Output file already exists: ${path.join(dir, 'taken.mp4')}`);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(path.join(dir, 'taken.mp4'), 'utf8')).toBe('mine');

    // The Python spelling, by vendor job id: waits for the render and writes the video.
    const run = await runCli(
      ['--download', pending!.job.id, '-o', 'recovered/again.mp4', '--json'],
      dir,
      env,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      path: path.join(dir, 'recovered', 'again.mp4'),
      jobId: pending!.job.id,
    });
    expect(probeVideo(path.join(dir, 'recovered', 'again.mp4'))).toMatchObject({ width: 640, height: 360 });
    const after = await listJson();
    expect(after).toHaveLength(before);
    expect(after.find((record) => record.id === pending!.id)).toMatchObject({ status: 'downloaded' });
  });

  it('a video the vendor no longer holds exits 7 with a clear message, and is listed as expired', async () => {
    // Vendors expire finished videos after a day or so; for the local provider, its kept render
    // folder is the vendor's copy, so removing it stands for the expiry.
    const [kite] = (await listJson()).filter((record) => record.outPath === path.join(dir, 'kite.mp4'));
    rmSync(path.join(dir, 'kite.mp4'));
    rmSync(path.join(os.tmpdir(), 'video-gen-local-jobs', kite!.job.id), { recursive: true, force: true });

    const run = await runCli(['download', kite!.id, '-o', 'kite-again.mp4'], dir, env);

    expect(run.code).toBe(7);
    expect(run.stderr).toContain('error: The video has expired: local no longer holds it');
    expect(run.stderr).toContain('video-gen list --status expired');
    expect(existsSync(path.join(dir, 'kite-again.mp4'))).toBe(false);
    expect((await listJson('--status', 'expired')).map((record) => record.id)).toEqual([kite!.id]);
  });

  it('downloads a kept video again after its file was deleted: one generation, one submit', async () => {
    const video = path.join(dir, 'replay-source.mp4');
    const ffmpeg = spawnSync(
      resolveFfmpeg().path,
      [
        '-v',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        'color=blue:s=160x96:d=1:r=12',
        '-pix_fmt',
        'yuv420p',
        video,
      ],
      { encoding: 'utf8' },
    );
    expect(ffmpeg.status, ffmpeg.stderr).toBe(0);
    const submits = path.join(dir, 'replay-submits.log');
    const replayEnv = cleanEnv(dir, { REPLAY_VIDEO: video, REPLAY_SUBMITS: submits });
    const plugin = ['--plugin', REPLAY];

    const made = await runCli(
      ['a replay', ...plugin, '--backend', 'replay', '-o', 'replay.mp4'],
      dir,
      replayEnv,
    );
    expect(made.code).toBe(0);
    rmSync(path.join(dir, 'replay.mp4'));
    const [record] = await listJson('--backend', 'replay');

    const run = await runCli(['download', record!.id, ...plugin, '-o', 'replay-again.mp4'], dir, replayEnv);

    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(path.join(dir, 'replay-again.mp4'));
    expect(run.stderr).toContain('Downloaded again (no new job) in');
    expect(statSync(path.join(dir, 'replay-again.mp4')).size).toBe(statSync(video).size);
    expect(readFileSync(submits, 'utf8').trim().split('\n')).toHaveLength(1);
    const records = await listJson('--backend', 'replay');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: record!.id, status: 'downloaded' });
  });
});

describe('--loop', () => {
  it('warns and goes on where the provider cannot loop', async () => {
    const run = await runCli(['waves', ...SMALL, '--loop', '-o', 'waves.mp4', '--json'], dir, env);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'warning: --loop is not supported by local/local-v1; the video will not loop',
    );
    expect(JSON.parse(run.stdout).warnings).toContainEqual(
      expect.objectContaining({
        feature: 'loop',
        message: '--loop is not supported by local/local-v1; the video will not loop',
      }),
    );
    expect(existsSync(path.join(dir, 'waves.mp4'))).toBe(true);
  });

  it('takes the Python form --loop true|false, and refuses other values', async () => {
    const off = await runCli(['waves', ...SMALL, '--loop', 'false', '--dry-run'], dir, env);
    expect(off.code).toBe(0);
    expect(off.stderr).not.toContain('--loop');

    const on = await runCli(['waves', ...SMALL, '--loop', 'true', '--dry-run'], dir, env);
    expect(on.code).toBe(0);
    expect(on.stderr).toContain('warning: --loop is not supported by local/local-v1');

    const bad = await runCli(['waves', ...SMALL, '--loop', 'sometimes'], dir, env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--loop takes true or false');
  });

  it('becomes providerOptions.loop for a provider whose options accept it, with no warning', async () => {
    const run = await runCli(
      ['waves', '--plugin', REPLAY, '--backend', 'replay', '--loop', '--dry-run', '--json'],
      dir,
      env,
    );

    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('--loop');
    const checked = JSON.parse(run.stdout);
    expect(checked.providerOptions).toEqual({ loop: true });
    expect(checked.warnings).toEqual([]);
  });
});
