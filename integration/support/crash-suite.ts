// Crash tests: a child process runs one generateVideo against a loopback fake in this process and
// is SIGKILLed at a seeded-random point of the lifecycle; the re-run here must finish the same job.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GenerateVideoOptions, type GenerationRecord, generateVideo } from '@video-gen/core';
import { describe, expect, it } from 'vitest';
import { isMp4, leftovers, tempDir } from './files.js';
import { type ExtraOptions, type Harness, startLocal, startVendor, type VendorId } from './vendors.js';

const CHILD = fileURLToPath(new URL('../crash/child.mjs', import.meta.url));

/** Runs per provider: `VIDEO_GEN_CRASH_RUNS=50` for the full count; 12 keeps CI fast. */
export const CRASH_RUNS = Math.max(1, Number(process.env.VIDEO_GEN_CRASH_RUNS ?? 12) || 12);
/** The seed of the kill points; a failure names its seed and run, so `VIDEO_GEN_CRASH_SEED=<seed>` replays it. */
export const CRASH_SEED = Number(process.env.VIDEO_GEN_CRASH_SEED ?? 20261125) || 20261125;

/** Kill points the parent finds in the child's progress lines. */
const PROGRESS_POINTS = ['after-submit', 'mid-poll', 'mid-download', 'before-rename'] as const;
/**
 * Kill points of the finish window (video in place, bookkeeping under way), where the child stops
 * itself (`hangAt`, see crash/child.mjs) and prints `at <point>`.
 */
const FINISH_POINTS = [
  'after-rename',
  'after-release',
  'before-ledger-update',
  'after-lock-release',
  'after-journal-delete',
] as const;
export const KILL_POINTS = [...PROGRESS_POINTS, ...FINISH_POINTS] as const;
export type KillPoint = (typeof KILL_POINTS)[number];

function isFinishPoint(point: KillPoint): point is (typeof FINISH_POINTS)[number] {
  return (FINISH_POINTS as readonly string[]).includes(point);
}

/** mulberry32: a tiny seeded PRNG, so a run's kill points can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whether the child's output so far has reached the kill point. */
function reached(point: KillPoint, lines: string[]): boolean {
  if (isFinishPoint(point)) return lines.includes(`at ${point}`);
  const statuses = lines.filter((line) => /^(queued|running)\b/.test(line)).length;
  const bytes = lines
    .map((line) => /^downloading (\d+) (\d+)/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ got: Number(m[1]), total: Number(m[2]) }));
  switch (point) {
    case 'after-submit':
      return statuses >= 1;
    case 'mid-poll':
      return statuses >= 2;
    case 'mid-download':
      return bytes.some(({ got, total }) => got > 0 && got < total);
    case 'before-rename':
      return bytes.some(({ got, total }) => got > 0 && got === total);
  }
}

interface ChildRun {
  readonly killed: boolean;
  readonly output: string;
}

/** Starts the child and SIGKILLs it `delayMs` after its output reaches `point`. */
export function runAndKill(payload: object, point: KillPoint, delayMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const message = isFinishPoint(point) ? { ...payload, hangAt: point } : payload;
    const child = spawn(process.execPath, [CHILD, JSON.stringify(message)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_NO_WARNINGS: '1', VIDEO_GEN_LOG_FILE: 'off' },
    });
    let output = '';
    let stderr = '';
    let armed = false;
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!armed && reached(point, output.split('\n'))) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      if (signal === 'SIGKILL' && armed) resolve({ killed: true, output });
      else if (code === 0 && output.includes('finished')) resolve({ killed: false, output });
      else reject(new Error(`child ended with ${signal ?? code} before ${point}:\n${output}\n${stderr}`));
    });
  });
}

/** The faults every crash run carries: slow video bodies, so there is a "mid-download" to hit. */
export function crashFakeOptions(vendor: VendorId): ExtraOptions {
  const slow = { kind: 'slow-body' as const, times: Number.POSITIVE_INFINITY, chunks: 6, chunkDelayMs: 25 };
  switch (vendor) {
    case 'sora2':
    case 'azure-sora':
      return { videosApi: { transportFaults: [{ on: 'content', ...slow }] } };
    case 'veo3':
      return { veo: { outcome: 'gcs', transportFaults: [{ on: 'download', ...slow }] } };
    case 'runway':
      return { runway: { transportFaults: [{ on: 'output', ...slow }] } };
  }
}

/** The JSON-safe generateVideo options the child and the re-run share (same request, same fingerprint), with a ledger in `dir`. */
export function sharedOptions(harness: Harness, dir: string): Partial<GenerateVideoOptions> {
  const { fetch: _fetch, ...rest } = harness.options;
  return { ...rest, ledger: path.join(dir, 'ledger'), poll: { initialIntervalMs: 30, maxIntervalMs: 30 } };
}

/** The statuses the ledger files in `ledgerDir` record for `outPath`, read as written (no reconciling). */
function ledgerStatuses(ledgerDir: string, outPath: string): string[] {
  return readdirSync(ledgerDir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .map((name) => JSON.parse(readFileSync(path.join(ledgerDir, name), 'utf8')) as GenerationRecord)
    .filter((record) => record.outPath === outPath)
    .map((record) => record.status);
}

export function describeCrashSuite(vendor: VendorId | 'local', vendorIndex: number): void {
  describe(`${vendor}: SIGKILL at random lifecycle points, then a re-run`, () => {
    const seed = CRASH_SEED + vendorIndex;
    it(
      `${CRASH_RUNS} runs (seed ${seed}): each re-run finishes the same job, one submit per job, a valid MP4`,
      async () => {
        const random = seededRandom(seed);
        const dir = tempDir(`crash-${vendor}`);
        const harness =
          vendor === 'local'
            ? startLocal(path.join(dir, 'jobs'))
            : await startVendor(vendor, 'none', crashFakeOptions(vendor));
        const seen: Record<string, number> = {};
        try {
          for (let run = 0; run < CRASH_RUNS; run++) {
            const point = KILL_POINTS[Math.floor(random() * KILL_POINTS.length)]!;
            const delayMs = Math.floor(random() * 15);
            const where = `run ${run} (seed ${seed}): killed ${point} +${delayMs} ms`;
            const outPath = path.join(dir, `clip-${run}.mp4`);
            const prompt = `crash run ${run}`;
            const options = sharedOptions(harness, dir);
            const child = await runAndKill(
              { vendor, config: harness.config, outPath, prompt, options },
              point,
              delayMs,
            );
            seen[child.killed ? point : 'finished-before-kill'] =
              (seen[child.killed ? point : 'finished-before-kill'] ?? 0) + 1;
            expect(harness.creates(), where).toBe(run + 1);
            const journal = existsSync(`${outPath}.job.json`);
            const rerun = journal || !existsSync(outPath);
            if (rerun) {
              // The re-run: same call, in this process. It must resume, never submit.
              const result = await generateVideo({
                ...harness.options,
                ...options,
                provider: harness.provider,
                prompt,
                outPath,
              });
              expect(result.resumed, where).toBe(true);
            }
            expect(isMp4(outPath), where).toBe(true);
            // Nothing left over, the lock included: no stray part files, journals, temp files or takeover claims.
            expect(leftovers(outPath), where).toEqual({
              out: true,
              part: false,
              journal: false,
              lock: false,
            });
            const beside = readdirSync(dir).filter((name) => name.startsWith(`clip-${run}.`));
            expect(beside, `${where}: ${beside.join(', ')}`).toEqual([`clip-${run}.mp4`]);
            // The ledger matches the file: the run recorded the generation as downloaded, at this path.
            expect(ledgerStatuses(options.ledger as string, outPath), where).toEqual(['downloaded']);
            expect(harness.creates(), where).toBe(run + 1);
          }
          console.log(`${vendor} crash runs by kill point: ${JSON.stringify(seen)}`);
        } finally {
          await harness.close();
        }
      },
      CRASH_RUNS * 10_000,
    );
  });
}
