import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RateLimitError, type VideoProvider } from '@video-gen/core';
import { tinyMp4Path } from '@video-gen/testing/loopback';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDatabase, startEmbedded } from '../src/embedded.js';
import { pausedAcrossFleet } from '../src/fleet-pause.js';
import { takeRequestStart } from '../src/fleet-rate.js';
import { createVideoQueue, folderStorage, type VideoQueue } from '../src/index.js';
import { cancels, countingVendor, created, maxRunning, submits } from './support/counting-vendor.js';

const child = fileURLToPath(new URL('./support/worker-child.ts', import.meta.url));
const temp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `video-gen-queue-${name}-`));
const DURATION_MS = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let queue: VideoQueue;
let database: EmbeddedDatabase | undefined;
let dataDir: string;
let port: number;

beforeAll(async () => {
  const parent = temp('db');
  // As root, Postgres runs as the postgres user, which must reach the folder.
  chmodSync(parent, 0o755);
  dataDir = path.join(parent, 'data');
  // Started here rather than by createVideoQueue, so a test can restart it.
  database = await startEmbedded({ dataDir });
  port = Number(new URL(database.connectionString).port);
  queue = await createVideoQueue({ connectionString: database.connectionString });
}, 120_000);

afterAll(async () => {
  await queue?.close();
  await database?.stop();
  // The database folder is some 40 MB: never leave it behind.
  if (dataDir) rmSync(path.dirname(dataDir), { recursive: true, force: true });
}, 60_000);

/** Starts worker processes; each resolves with its output once it exits after a SIGTERM. */
function startWorkers(count: number, args: string[]) {
  return Array.from({ length: count }, () => {
    const proc = spawn(process.execPath, [child, queue.connectionString, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    let output = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) =>
      proc.on('exit', (code, signal) => resolve({ code, signal, output })),
    );
    return { proc, exited, output: () => output };
  });
}

/** A valid MP4 starts with an `ftyp` box. */
function isMp4(uri: string): boolean {
  return readFileSync(fileURLToPath(uri)).subarray(4, 8).toString('latin1') === 'ftyp';
}

describe('@video-gen/queue on an embedded Postgres', () => {
  it('enqueue is idempotent by key; get and list find the job', async () => {
    const first = await queue.enqueue({ provider: 'counting', prompt: 'same' }, { key: 'same-key' });
    const second = await queue.enqueue({ provider: 'counting', prompt: 'other text' }, { key: 'same-key' });
    expect(first).toMatchObject({ state: 'queued', created: true });
    expect(second).toEqual({ id: first.id, state: 'queued', created: false });
    expect((await queue.get('same-key'))?.id).toBe(first.id);
    expect((await queue.get(first.id))?.request.prompt).toBe('same');
    expect((await queue.list({ status: 'queued' })).filter((job) => job.key === 'same-key')).toHaveLength(1);
    expect(await queue.cancel(first.id)).toBe('cancelled');
    await expect(queue.result(first.id)).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('refuses a bad request before it reaches the table', async () => {
    await expect(queue.enqueue({ provider: 'counting', prompt: '' }, { key: 'k-bad' })).rejects.toMatchObject(
      {
        code: 'invalid_options',
      },
    );
    await expect(
      queue.enqueue({ provider: 'counting', prompt: 'x', outPath: '/etc/x' } as never, { key: 'k-bad' }),
    ).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(queue.enqueue({ provider: 'counting', prompt: 'x' }, { key: '' })).rejects.toMatchObject({
      code: 'invalid_options',
    });
    expect(await queue.get('k-bad')).toBeUndefined();
  });

  it('three workers share the jobs, one submit each, never more than 2 at the vendor; a worker SIGKILLed after a submit is taken over', async () => {
    const stateDir = temp('vendor');
    const outDir = temp('out');
    const video = tinyMp4Path();
    const ids: string[] = [];
    // Enough jobs that some are still queued once the killed worker's job is taken over (pg-boss
    // notices a missed heartbeat after 10 s): until then that job holds one of the 2 places.
    for (let i = 0; i < 40; i++) {
      ids.push(
        (await queue.enqueue({ provider: 'counting', prompt: `clip ${i}` }, { key: `fleet-${i}` })).id,
      );
    }
    // The doomed worker: a child process running one job at a time, killed as soon as it has
    // committed a submit (so it has no second job whose submit outcome would be unknown).
    const doomed = spawn(
      process.execPath,
      [child, queue.connectionString, stateDir, video, outDir, String(DURATION_MS)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
      },
    );
    let stderr = '';
    doomed.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const killedJob = await new Promise<string>((resolve, reject) => {
      doomed.stdout.on('data', (chunk: Buffer) => {
        const match = /^submitted (\S+)/m.exec(chunk.toString());
        if (match?.[1]) {
          doomed.kill('SIGKILL');
          resolve(match[1]);
        }
      });
      doomed.on('exit', (_code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`worker child exited by itself: ${stderr}`));
      });
    });

    const stop = new AbortController();
    const workers = [0, 1].map(async () => {
      const own = await createVideoQueue({ connectionString: queue.connectionString });
      try {
        await own.work({
          concurrency: 2,
          storage: folderStorage(outDir),
          providers: { counting: countingVendor(stateDir, video, DURATION_MS) },
          // Should the doomed worker have begun another submit before the kill, it is repeated with its key.
          idempotentProviders: ['counting'],
          jobLimits: { counting: 2 },
          idleMs: 50,
          signal: stop.signal,
        });
      } finally {
        await own.close();
      }
    });
    let uris: string[];
    try {
      uris = await Promise.all(ids.map((id) => queue.result(id)));
    } finally {
      stop.abort();
      await Promise.all(workers);
    }

    expect(uris.every(isMp4)).toBe(true);
    const jobs = await Promise.all(ids.map((id) => queue.get(id)));
    // One vendor job per queued job; the job whose submit the killed worker committed was never submitted again.
    expect(created(stateDir).sort()).toEqual(jobs.map((job) => job?.journal?.idempotencyKey).sort());
    const killedKey = (await queue.get(killedJob))?.journal?.idempotencyKey;
    expect(submits(stateDir).filter((entry) => entry.key === killedKey)).toHaveLength(1);
    expect(jobs.every((job) => job?.state === 'succeeded')).toBe(true);
    expect((await queue.get(killedJob))?.attempts).toBeGreaterThanOrEqual(2);
    const most = maxRunning(stateDir, DURATION_MS);
    expect(most).toBeLessThanOrEqual(2);
    expect(most).toBe(2);
  }, 60_000);

  it('a cancelled job in flight is cancelled at the vendor', async () => {
    const stateDir = temp('vendor-cancel');
    const { id } = await queue.enqueue({ provider: 'counting', prompt: 'to cancel' }, { key: 'cancel-me' });
    const stop = new AbortController();
    const working = queue.work({
      storage: folderStorage(temp('out-cancel')),
      providers: { counting: countingVendor(stateDir, tinyMp4Path(), 60_000) },
      idleMs: 20,
      signal: stop.signal,
    });
    while ((await queue.get(id))?.state !== 'submitted')
      await new Promise((resolve) => setTimeout(resolve, 20));
    await queue.cancel(id);
    await expect(queue.result(id)).rejects.toMatchObject({ code: 'cancelled' });
    stop.abort();
    await working;
    expect(cancels(stateDir)).toEqual([`job-${(await queue.get(id))?.journal?.idempotencyKey}`]);
  }, 30_000);

  it('a job whose worker died during the submit: reconcile for a vendor without deduplication, the same key again for one with it', async () => {
    const stateDir = temp('vendor-unknown');
    // What a worker stopped during the vendor call leaves: the row's journal in `submitting`, the
    // vendor's answer never recorded. Made for real: a worker whose vendor never answers the submit,
    // stopped with no grace.
    const dead = async (key: string) => {
      const { id } = await queue.enqueue({ provider: 'counting', prompt: key }, { key });
      const base = countingVendor(temp('vendor-hang'), tinyMp4Path(), 50);
      const hanging: VideoProvider = {
        ...base,
        submit: (_request, ctx) =>
          new Promise((_resolve, reject) => {
            ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
          }),
      };
      const stop = new AbortController();
      const working = queue.work({
        storage: folderStorage(temp('out-hang')),
        providers: { counting: hanging },
        idempotentProviders: ['counting'],
        shutdownGraceMs: 0,
        signal: stop.signal,
      });
      while ((await queue.get(id))?.journal?.state !== 'submitting') await sleep(20);
      stop.abort();
      await working;
      expect((await queue.get(id))?.state).toBe('submitting');
      return id;
    };
    const run = async (idempotentProviders: string[], id: string) => {
      const stop = new AbortController();
      const working = queue.work({
        storage: folderStorage(temp('out-unknown')),
        providers: { counting: countingVendor(stateDir, tinyMp4Path(), 50) },
        idempotentProviders,
        idleMs: 20,
        signal: stop.signal,
      });
      try {
        return await queue.result(id).catch((error: unknown) => error);
      } finally {
        stop.abort();
        await working;
      }
    };
    const unsafe = await dead('unknown-outcome-1');
    expect(await run([], unsafe)).toMatchObject({ code: 'submit_outcome_unknown' });
    expect((await queue.get(unsafe))?.state).toBe('reconcile');
    expect(submits(stateDir)).toEqual([]);

    const safe = await dead('unknown-outcome-2');
    expect(isMp4((await run(['counting'], safe)) as string)).toBe(true);
    expect(submits(stateDir).map((entry) => entry.key)).toEqual([safe]);
  }, 60_000);

  it('a 429 with Retry-After seen by one worker pauses the provider for every worker', async () => {
    const calls: { worker: string; op: string; at: number }[] = [];
    let rateLimitedAt = 0;
    const vendor = (worker: string): VideoProvider => {
      const base = countingVendor(temp(`vendor-429-${worker}`), tinyMp4Path(), 2_500);
      let statusCalls = 0;
      return {
        ...base,
        async submit(request, ctx) {
          calls.push({ worker, op: 'submit', at: Date.now() });
          return base.submit(request, ctx);
        },
        async status(job, ctx) {
          calls.push({ worker, op: 'status', at: Date.now() });
          if (worker === 'a' && ++statusCalls === 2) {
            rateLimitedAt = Date.now();
            throw new RateLimitError('Too many requests', { provider: 'counting', retryAfterMs: 1_000 });
          }
          return base.status(job, ctx);
        },
      };
    };
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await queue.enqueue({ provider: 'counting', prompt: `429 ${i}` }, { key: `pause-${i}` })).id);
    }
    const stop = new AbortController();
    const startWorker = async (worker: string) => {
      const own = await createVideoQueue({ connectionString: queue.connectionString });
      try {
        await own.work({
          concurrency: 2,
          storage: folderStorage(temp('out-429')),
          providers: { counting: vendor(worker) },
          settings: { retry: { minDelayMs: 5, maxDelayMs: 20 }, poll: { initialIntervalMs: 20 } },
          idleMs: 20,
          signal: stop.signal,
        });
      } finally {
        await own.close();
      }
    };
    // b takes two jobs first, so it has jobs in flight all through a's 429.
    const workers = [startWorker('b')];
    for (
      let i = 0;
      i < 500 && calls.filter((call) => call.worker === 'b' && call.op === 'status').length < 2;
      i++
    ) {
      await sleep(10);
    }
    workers.push(startWorker('a'));
    try {
      await Promise.all(ids.map((id) => queue.result(id)));
    } finally {
      stop.abort();
      await Promise.all(workers);
    }
    expect(rateLimitedAt).toBeGreaterThan(0);
    expect(new Set(calls.map((call) => call.worker))).toEqual(new Set(['a', 'b']));
    // Nobody called the vendor during the pause (a few ms after the 429 for the pause to commit).
    const during = calls.filter((call) => call.at > rateLimitedAt + 150 && call.at < rateLimitedAt + 900);
    expect(during).toEqual([]);
    // b was busy with its jobs before and after the pause: it waited because of a's 429.
    expect(calls.some((call) => call.worker === 'b' && call.op === 'status' && call.at < rateLimitedAt)).toBe(
      true,
    );
    expect(calls.some((call) => call.worker === 'b' && call.at >= rateLimitedAt + 900)).toBe(true);
  }, 30_000);

  it('60 jobs through 3 worker processes, one SIGKILLed mid-job and Postgres restarted mid-run: all finish, one vendor job each', async () => {
    const stateDir = temp('vendor-fleet');
    const outDir = temp('out-fleet');
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      ids.push(
        (await queue.enqueue({ provider: 'counting', prompt: `fleet clip ${i}` }, { key: `big-${i}` })).id,
      );
    }
    const args = [stateDir, tinyMp4Path(), outDir, '300', '4', '6'];
    const [doomed, ...others] = startWorkers(3, args);
    const results = Promise.all(ids.map((id) => queue.result(id)));
    results.catch(() => {});
    // Mid-job: the doomed worker has committed a submit of its own.
    for (let i = 0; i < 1000 && !/^submitted /m.test(doomed!.output()); i++) await sleep(10);
    doomed!.proc.kill('SIGKILL');
    // Postgres restarted once, mid-run.
    const finished = async () =>
      (await queue.list({ status: 'succeeded' })).filter((job) => job.key.startsWith('big-')).length;
    for (let i = 0; i < 1000 && (await finished()) < 10; i++) await sleep(20);
    const beforeRestart = await finished();
    expect(beforeRestart).toBeGreaterThanOrEqual(10);
    expect(beforeRestart).toBeLessThan(60);
    await database?.stop();
    await sleep(300);
    database = await startEmbedded({ dataDir, port });
    try {
      const uris = await results;
      expect(uris.every(isMp4)).toBe(true);
    } finally {
      for (const worker of others) worker.proc.kill('SIGTERM');
    }
    const exits = await Promise.all(others.map((worker) => worker.exited));
    // Graceful: both survivors stopped on SIGTERM by themselves.
    for (const exit of exits) expect(exit, exit.output).toMatchObject({ code: 0, signal: null });
    expect((await doomed!.exited).signal).toBe('SIGKILL');
    const jobs = await Promise.all(ids.map((id) => queue.get(id)));
    expect(jobs.every((job) => job?.state === 'succeeded')).toBe(true);
    // One paid vendor job per queued job: a submit repeated after the kill carried the same key and was deduplicated.
    expect(created(stateDir).sort()).toEqual(jobs.map((job) => job?.journal?.idempotencyKey).sort());
    expect(maxRunning(stateDir, 300)).toBeLessThanOrEqual(6);
  }, 90_000);

  it('runs a job on the real local provider, resolved from the registry by id', async () => {
    const { id } = await queue.enqueue(
      { provider: 'local', prompt: 'a red kite', width: 160, height: 96, fps: 12, durationSeconds: 1 },
      { key: 'local-1' },
    );
    const stop = new AbortController();
    const working = queue.work({
      storage: folderStorage(temp('out-local')),
      idleMs: 20,
      signal: stop.signal,
    });
    try {
      const uri = await queue.result(id);
      expect(isMp4(uri)).toBe(true);
      expect(path.basename(fileURLToPath(uri))).toBe(`${id}.mp4`);
    } finally {
      stop.abort();
      await working;
    }
    const job = await queue.get(id);
    expect(job).toMatchObject({ state: 'succeeded', provider: 'local', attempts: 1 });
    expect(job?.vendorJobId).toBe(job?.journal?.job?.id);
    // Core wrote the journal into the row (its last state), and its ledger record into Postgres.
    expect(job?.journal?.state).toBe('downloaded');
    const db = new pg.Client({ connectionString: queue.connectionString });
    await db.connect();
    try {
      const { rows: records } = await db.query<{ record: { status: string; job: { id: string } } }>(
        'SELECT record FROM video_gen_generations',
      );
      expect(records.find((row) => row.record.job.id === job?.vendorJobId)?.record.status).toBe('downloaded');
      // pg-boss delivered it: one pg-boss job with the same id, completed.
      const { rows: delivered } = await db.query<{ name: string; state: string }>(
        'SELECT name, state FROM pgboss.job WHERE id = $1',
        [id],
      );
      expect(delivered).toEqual([{ name: 'video-gen', state: 'completed' }]);
    } finally {
      await db.end();
    }
  }, 60_000);

  it('requestsPerMinute holds across workers: starts are counted in Postgres under one lock', async () => {
    const pools = [0, 1].map(() => new pg.Pool({ connectionString: queue.connectionString, max: 3 }));
    try {
      const signal = AbortSignal.timeout(1_500);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => takeRequestStart(pools[i % 2]!, 'rate-test', 3, signal)),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(3);

      // Through the provider wrapper every worker uses: its vendor calls take those starts.
      const calls: string[] = [];
      const base = countingVendor(temp('vendor-rate'), tinyMp4Path(), 50);
      const limited = pausedAcrossFleet(
        pools[0]!,
        {
          ...base,
          id: 'rate-test-2',
          status: async () => {
            calls.push('status');
            return { state: 'running' };
          },
        },
        { requestsPerMinute: 2 },
      );
      const job = {
        provider: 'rate-test-2',
        model: 'counting-1',
        id: 'x',
        createdAt: new Date().toISOString(),
      };
      const ctx = (ms: number) => ({ signal: AbortSignal.timeout(ms), logger: undefined as never, fetch });
      await limited.status(job, ctx(1_000));
      await limited.status(job, ctx(1_000));
      await expect(limited.status(job, ctx(800))).rejects.toThrow();
      expect(calls).toEqual(['status', 'status']);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  }, 30_000);

  it('the CLI: enqueue (idempotent by --key), queue status, list and cancel against the same database', async () => {
    const cli = fileURLToPath(new URL('../../cli/bin/video-gen.js', import.meta.url));
    const run = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const env: NodeJS.ProcessEnv = { ...process.env, NODE_NO_WARNINGS: '1' };
        delete env.VIDEO_GEN_DATABASE_URL;
        const proc = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
        let stdout = '';
        let stderr = '';
        proc.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
        });
        proc.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        proc.on('error', reject);
        proc.on('exit', (code) => resolve({ code, stdout, stderr }));
      });
    const db = ['--db', queue.connectionString];
    const first = await run(
      'enqueue',
      'a kite from the CLI',
      '--key',
      'cli-1',
      '-b',
      'counting',
      '--json',
      ...db,
    );
    expect(first.code, first.stderr).toBe(0);
    const made = JSON.parse(first.stdout) as { id: string; state: string; created: boolean };
    expect(made).toMatchObject({ state: 'queued', created: true });
    const again = await run('enqueue', 'another prompt', '--key', 'cli-1', '-b', 'counting', '--json', ...db);
    expect(JSON.parse(again.stdout)).toEqual({ id: made.id, state: 'queued', created: false });
    expect((await queue.get(made.id))?.request).toEqual({
      provider: 'counting',
      prompt: 'a kite from the CLI',
    });

    const status = await run('queue', 'status', 'cli-1', '--json', ...db);
    expect(JSON.parse(status.stdout)).toMatchObject({ id: made.id, key: 'cli-1', state: 'queued' });
    const listed = await run('queue', 'list', '--status', 'queued', '--json', ...db);
    expect((JSON.parse(listed.stdout) as { id: string }[]).map((job) => job.id)).toContain(made.id);
    const cancelled = await run('queue', 'cancel', made.id, ...db);
    expect(cancelled.stdout.trim()).toBe(`${made.id}  cancelled`);
    expect((await queue.get(made.id))?.state).toBe('cancelled');

    // `video-gen worker` runs a local job to the end, then stops on SIGTERM with exit code 0.
    const outDir = temp('out-cli');
    const local = await queue.enqueue(
      { provider: 'local', prompt: 'a CLI worker', width: 160, height: 96, fps: 12, durationSeconds: 1 },
      { key: 'cli-local' },
    );
    const worker = spawn(
      process.execPath,
      [cli, 'worker', '--concurrency', '1', '--out-dir', outDir, ...db],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
      },
    );
    const workerExit = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
    try {
      expect(isMp4(await queue.result(local.id))).toBe(true);
      expect(fileURLToPath((await queue.get(local.id))?.outputUri ?? '')).toBe(
        path.join(outDir, `${local.id}.mp4`),
      );
    } finally {
      worker.kill('SIGTERM');
    }
    expect(await workerExit).toBe(0);

    const noDb = await run('queue', 'list');
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain('VIDEO_GEN_DATABASE_URL');
    const badStatus = await run('queue', 'list', '--status', 'done', ...db);
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr).toContain('Unknown --status done');
  }, 60_000);

  it('createVideoQueue({ embedded }) reopens the data folder: the jobs are still there', async () => {
    await queue.close();
    await database?.stop();
    database = undefined;
    queue = await createVideoQueue({ embedded: { dataDir } });
    expect((await queue.get('big-0'))?.state).toBe('succeeded');
    expect((await queue.get('same-key'))?.state).toBe('cancelled');
  }, 60_000);
});
