// Lock race: a job crashed after its submit (a `submitted` journal, a lock naming the dead
// process), then 4 processes resume it in the same millisecond. Exactly one may drive the job; the
// others must stop with `output_locked`, and the output must end as one valid video with nothing
// left beside it. Seeded: a failure names its seed and round, `VIDEO_GEN_RACE_SEED` replays it.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crashFakeOptions, runAndKill, seededRandom, sharedOptions } from '../support/crash-suite.js';
import { isMp4, leftovers, tempDir } from '../support/files.js';
import { type Harness, startLocal, startVendor } from '../support/vendors.js';

const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));
const CLI = fileURLToPath(new URL('../../packages/cli/dist/cli.js', import.meta.url));
const RACERS = 4;
/** Rounds of the API race: `VIDEO_GEN_RACE_ROUNDS=200` for a long run; 20 in CI. The CLI race runs a fifth as many. */
const ROUNDS = Math.max(1, Number(process.env.VIDEO_GEN_RACE_ROUNDS ?? 20) || 20);
const CLI_ROUNDS = Math.max(1, Math.round(ROUNDS / 5));
const SEED = Number(process.env.VIDEO_GEN_RACE_SEED ?? 20261214) || 20261214;
/** Exit code of `video-gen` for `output_locked` (ExitCode.Locked). */
const EXIT_LOCKED = 8;

interface Outcome {
  readonly ok: boolean;
  readonly code?: string;
  readonly message?: string;
}

/** Leaves `outPath` as a crash after the submit leaves it: a `submitted` journal and the dead child's lock. */
async function crashAfterSubmit(harness: Harness, dir: string, outPath: string, prompt: string) {
  const options = sharedOptions(harness, dir);
  const child = await runAndKill(
    { vendor: harness.vendor, config: harness.config, outPath, prompt, options },
    'after-submit',
    0,
  );
  expect(child.killed).toBe(true);
  const journal = JSON.parse(readFileSync(`${outPath}.job.json`, 'utf8'));
  expect(journal.state).toBe('submitted');
  expect(existsSync(`${outPath}.lock`)).toBe(true);
  return options;
}

function collect(child: ChildProcessWithoutNullStreams): {
  lines: () => string[];
  exited: () => boolean;
  exit: Promise<number | null>;
} {
  let output = '';
  let errors = '';
  let exited = false;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve, reject) => {
    // A racer that hangs is a failure of its own, not a test timeout.
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      exited = true;
      clearTimeout(watchdog);
      if (code === null) reject(new Error(`racer killed:\n${output}\n${errors}`));
      else resolve(code);
    });
  });
  // Awaited later; a rejection before then must not count as unhandled.
  exit.catch(() => undefined);
  return { lines: () => output.split('\n').filter(Boolean), exited: () => exited, exit };
}

/** Starts the racers, waits until each has loaded, then lets them all go at the same instant. */
async function race(payload: object): Promise<Outcome[]> {
  const racers = Array.from({ length: RACERS }, () => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(payload)], {
      env: { ...process.env, NODE_NO_WARNINGS: '1', VIDEO_GEN_LOG_FILE: 'off' },
    });
    return { child, ...collect(child) };
  });
  while (!racers.every((racer) => racer.lines().includes('ready'))) {
    const early = racers.find((racer) => racer.exited() && !racer.lines().includes('ready'));
    if (early)
      await early.exit.then((code) =>
        Promise.reject(new Error(`racer exited with ${code} before it was ready`)),
      );
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const startAt = Date.now() + 50;
  for (const racer of racers) racer.child.stdin.write(`${startAt}\n`);
  await Promise.all(racers.map((racer) => racer.exit));
  return racers.map((racer) => JSON.parse(racer.lines().at(-1) ?? '{}') as Outcome);
}

/** The options resumeVideo takes (how to wait, not what to generate: that is in the journal). */
function waitingOptions(options: object): Record<string, unknown> {
  const keys = ['poll', 'retry', 'ledger', 'allowLoopbackDownloads', 'maxDownloadBytes', 'limits'];
  return Object.fromEntries(Object.entries(options).filter(([key]) => keys.includes(key)));
}

/** One valid video and nothing else beside it: no part file, journal, lock or takeover claim. */
function expectFinished(dir: string, outPath: string, where: string): void {
  expect(isMp4(outPath), where).toBe(true);
  expect(leftovers(outPath), where).toEqual({ out: true, part: false, journal: false, lock: false });
  const name = path.basename(outPath);
  expect(
    readdirSync(dir).filter((entry) => entry.startsWith(name)),
    where,
  ).toEqual([name]);
}

describe('4 processes resume one crashed job at the same instant', () => {
  it(
    `${ROUNDS} rounds (seed ${SEED}): exactly one drives it, the others get output_locked`,
    async () => {
      const random = seededRandom(SEED);
      const dir = tempDir('lock-race');
      const harness = await startVendor('sora2', 'none', crashFakeOptions('sora2'));
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const outPath = path.join(dir, `race-${round}.mp4`);
          const options = await crashAfterSubmit(harness, dir, outPath, `race round ${round}`);
          // Half the rounds carry a lock as video-gen 0.1 wrote it: the bare pid of the dead process.
          const legacy = random() < 0.5;
          if (legacy) {
            const { pid } = JSON.parse(readFileSync(`${outPath}.lock`, 'utf8'));
            writeFileSync(`${outPath}.lock`, String(pid));
          }
          const where = `round ${round} (seed ${SEED}${legacy ? ', legacy lock' : ''})`;
          const outcomes = await race({
            vendor: 'sora2',
            config: harness.config,
            journalPath: `${outPath}.job.json`,
            options: waitingOptions(options),
          });
          expect(
            outcomes.filter((outcome) => outcome.ok),
            `${where}: ${JSON.stringify(outcomes)}`,
          ).toHaveLength(1);
          expect(
            outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.code),
            `${where}: ${JSON.stringify(outcomes)}`,
          ).toEqual(Array(RACERS - 1).fill('output_locked'));
          expectFinished(dir, outPath, where);
          expect(harness.creates(), `${where}: never submitted again`).toBe(round + 1);
        }
      } finally {
        await harness.close();
      }
    },
    ROUNDS * 20_000,
  );

  it(
    `${CLI_ROUNDS} rounds: four \`video-gen resume <journal>\` end with one video and exit codes 0 / ${EXIT_LOCKED}`,
    async () => {
      const dir = tempDir('lock-race-cli');
      // The CLI builds the local provider from its defaults: its jobs folder is under TMPDIR.
      const env = {
        ...process.env,
        TMPDIR: dir,
        VIDEO_GEN_HOME: path.join(dir, 'home'),
        VIDEO_GEN_LOG_FILE: 'off',
        NODE_NO_WARNINGS: '1',
      };
      const harness = startLocal(path.join(dir, 'video-gen-local-jobs'));
      for (let round = 0; round < CLI_ROUNDS; round++) {
        const outPath = path.join(dir, `cli-${round}.mp4`);
        await crashAfterSubmit(harness, dir, outPath, `cli race round ${round}`);
        const where = `CLI round ${round}`;
        const runs = Array.from({ length: RACERS }, () =>
          collect(spawn(process.execPath, [CLI, 'resume', `${outPath}.job.json`, '--json'], { env })),
        );
        const codes = await Promise.all(runs.map((run) => run.exit));
        const detail = `${where}: ${JSON.stringify(codes)} ${runs.map((run) => run.lines().join(' ')).join(' | ')}`;
        expect([...codes].sort(), detail).toEqual([0, ...Array(RACERS - 1).fill(EXIT_LOCKED)]);
        expectFinished(dir, outPath, where);
        expect(harness.creates(), `${where}: never submitted again`).toBe(round + 1);
      }
    },
    CLI_ROUNDS * 30_000,
  );
});
