import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempFolder } from './cli-harness.js';

let dir: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;
let ledger: string;

const STACK = /\n\s+at .+:\d+:\d+/;

function record(id: string) {
  const now = new Date().toISOString();
  return {
    version: 1,
    id,
    provider: 'local',
    model: 'local-v1',
    job: { provider: 'local', model: 'local-v1', id: id.slice('local_'.length), createdAt: now },
    status: 'downloaded',
    request: { prompt: 'a kite', model: 'local-v1', width: 160, height: 96, fps: 12, durationSeconds: 1 },
    outPath: path.join(dir, 'kite.mp4'),
    createdAt: now,
    updatedAt: now,
  };
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempFolder());
  env = cleanEnv(dir);
  ledger = path.join(dir, '.video-gen', 'ledger');
  mkdirSync(ledger, { recursive: true });
  writeFileSync(path.join(ledger, 'local_good.json'), JSON.stringify(record('local_good')));
  const { request: _dropped, ...noRequest } = record('local_norequest');
  writeFileSync(path.join(ledger, 'local_norequest.json'), JSON.stringify(noRequest));
  writeFileSync(path.join(ledger, 'local_cut.json'), JSON.stringify(record('local_cut')).slice(0, 50));
  writeFileSync(path.join(dir, 'keep.json'), JSON.stringify(record('local_keep')));
});
afterAll(() => cleanup());

describe('provider ids that name Object.prototype members', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    '--backend %s exits 3 with a clean message and no stack trace',
    async (id) => {
      const run = await runCli(['a kite', '--backend', id, '-o', 'x.mp4'], dir, env);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain(`Unknown provider "${id}"`);
      expect(run.stderr).not.toMatch(/\[object Object\]|\[native code\]/);
      expect(run.stderr).not.toMatch(STACK);
    },
  );
});

describe('a ledger with malformed records', () => {
  it('video-gen list shows the valid records and exits 0', async () => {
    const run = await runCli(['list'], dir, env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('local_good');
    expect(run.stdout).not.toContain('local_cut');

    const json = await runCli(['list', '--json'], dir, env);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { id: string }[]).map((entry) => entry.id)).toEqual(['local_good']);
  });

  it.each([
    ['a truncated record', 'local_cut'],
    ['a record without request', 'local_norequest'],
  ])('video-gen download of %s exits 2 with a typed message naming the file', async (_what, id) => {
    const run = await runCli(['download', id, '--json'], dir, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(path.join(ledger, `${id}.json`));
    expect(run.stderr).not.toMatch(STACK);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({
      error: { code: 'generation_corrupt', exitCode: 2 },
    });
  });

  it('video-gen download ../../keep exits 2 (invalid_generation_id) and reads nothing outside the ledger', async () => {
    const run = await runCli(['download', '../../keep', '--json'], dir, env);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ error: { code: 'invalid_generation_id' } });
    expect(readFileSync(path.join(dir, 'keep.json'), 'utf8')).toContain('local_keep');
  });
});

describe('journals that are not journals', () => {
  it.each(['status', 'resume'])('video-gen %s <fifo> exits 2 at once instead of hanging', async (command) => {
    const fifo = path.join(dir, `${command}.job.json`);
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const run = await runCli([command, fifo], dir, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('FIFO');
    expect(run.stderr).not.toMatch(STACK);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('video-gen resume of a journal with an unknown state exits 2 and keeps the journal', async () => {
    const journalPath = path.join(dir, 'bogus.mp4.job.json');
    const text = JSON.stringify({
      version: 1,
      state: 'bogus',
      provider: 'local',
      outPath: path.join(dir, 'bogus.mp4'),
      idempotencyKey: 'k-0123456789',
      fingerprint: 'f',
      request: record('local_x').request,
      job: record('local_x').job,
      warnings: [],
      createdAt: 'x',
      updatedAt: 'x',
    });
    writeFileSync(journalPath, text);
    const run = await runCli(['resume', journalPath], dir, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a valid video-gen journal');
    expect(readFileSync(journalPath, 'utf8')).toBe(text);
  });
});
