// The `video-gen` command line (issue 14 items 2, 3, 7, 14, 15, 19): every bad flag exits with its
// documented code and a one-line message, never a stack trace or a hang; `output_locked` exits 8
// and a FileSystemError exits 9.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type GenerateVideoOptions, generateVideo, type VideoProvider } from '@video-gen/core';
import { expect } from 'vitest';
import { isMp4 } from '../../support/files.js';
import { type CaseContext, type CaseDirs, exits, type HostileCase, typed } from '../case.js';
import { runCli } from '../cli-run.js';
import { makeFifo } from '../fixtures.js';

const SMALL = ['--backend', 'local', '--size', '160x96', '--duration', '1', '--fps', '12'] as const;

/** `video-gen <args>` where `args` may name the case's folders. */
function cli(args: (dirs: CaseDirs) => readonly string[]) {
  return (context: CaseContext) => runCli(context, args(context));
}

const out = (dirs: CaseDirs) => ['-o', dirs.outPath] as const;
const Usage = 2;
const Configuration = 3;
const Locked = 8;
const FileSystem = 9;

const journalOf = (dirs: CaseDirs) => `${dirs.outPath}.job.json`;
const ledgerOf = (dirs: CaseDirs) => path.join(dirs.work, 'home', '.video-gen', 'ledger');

/** A ledger with one good record and one truncated, where the CLI's VIDEO_GEN_HOME points. */
function writeLedger(dirs: CaseDirs): void {
  mkdirSync(ledgerOf(dirs), { recursive: true });
  const now = new Date().toISOString();
  const record = {
    version: 1,
    id: 'local_good-job-1',
    provider: 'local',
    model: 'local-v1',
    job: { provider: 'local', model: 'local-v1', id: 'good-job-1', createdAt: now },
    status: 'succeeded',
    request: { prompt: 'a kite', model: 'local-v1', width: 160, height: 90, fps: 12, durationSeconds: 1 },
    outPath: path.join(dirs.work, 'kite.mp4'),
    createdAt: now,
    updatedAt: now,
  };
  writeFileSync(path.join(ledgerOf(dirs), 'local_good-job-1.json'), JSON.stringify(record));
  writeFileSync(
    path.join(ledgerOf(dirs), 'local_truncated-1.json'),
    JSON.stringify({ ...record, id: 'local_truncated-1' }).slice(0, 50),
  );
  const { request: _dropped, ...noRequest } = { ...record, id: 'local_no-request-1' };
  writeFileSync(path.join(ledgerOf(dirs), 'local_no-request-1.json'), JSON.stringify(noRequest));
}

/** A provider that holds its submit until `release()`: the output's lock stays taken meanwhile. */
function heldProvider(inner: VideoProvider) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const provider: VideoProvider = {
    ...inner,
    id: inner.id,
    models: inner.models,
    submit: async (request, context) => {
      await gate;
      return inner.submit(request, context);
    },
    status: (job, context) => inner.status(job, context),
    download: (job, context) => inner.download(job, context),
  };
  return { provider, release };
}

async function waitFor(file: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`${file} never appeared`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs `second` while a first generation of the same output holds its lock, then lets the first finish. */
function whileLocked<T>(second: (context: CaseContext) => Promise<T>) {
  return async (context: CaseContext): Promise<T> => {
    const held = heldProvider(context.harness.provider);
    const first = generateVideo({ ...context.base, provider: held.provider } as GenerateVideoOptions);
    try {
      await waitFor(`${context.outPath}.lock`);
      return await second(context);
    } finally {
      held.release();
      const finished = await first;
      expect(isMp4(finished.path), 'the first generation still finishes').toBe(true);
    }
  };
}

const badFlags: readonly (readonly [string, readonly string[]])[] = [
  ['--timeout NaN', ['--timeout', 'NaN']],
  ['--timeout -5', ['--timeout', '-5']],
  ['--timeout Infinity', ['--timeout', 'Infinity']],
  ['--timeout 1e400', ['--timeout', '1e400']],
  ['--size 0x0', ['--size', '0x0']],
  ['--size 99999x99999', ['--size', '99999x99999']],
  ['--fps -1', ['--fps', '-1']],
  ['--duration NaN', ['--duration', 'NaN']],
  ['--width 1.5 --height 90', ['--width', '1.5', '--height', '90']],
  ['--seed 1e400', ['--seed', '1e400']],
  ['--provider-option __proto__=1', ['--provider-option', '__proto__=1']],
  [
    '--provider-option constructor.prototype.polluted=1',
    ['--provider-option', 'constructor.prototype.polluted=1'],
  ],
];

export const CLI_CASES: readonly HostileCase[] = [
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map(
    (id): HostileCase => ({
      name: `--backend ${id}: not a provider, exit 3, no stack trace`,
      run: cli((d) => ['waves', '--backend', id, ...out(d)]),
      expect: exits(Configuration),
    }),
  ),
  {
    name: '--provider constructor (the alias)',
    run: cli((d) => ['waves', '--provider', 'constructor', ...out(d)]),
    expect: exits(Configuration),
  },
  ...badFlags.map(
    ([what, flags]): HostileCase => ({
      name: `${what}: exit 2`,
      run: cli((d) => ['waves', ...SMALL, ...flags, ...out(d)]),
      expect: exits(Usage),
    }),
  ),
  {
    name: '-o an existing folder: exit 2 before submit (exit 1 with a stack trace today)',
    setup: (d) => mkdirSync(d.outPath),
    run: cli((d) => ['waves', ...SMALL, ...out(d)]),
    expect: exits(Usage),
  },
  {
    name: '-o an existing folder with --force: exit 2 before submit',
    setup: (d) => mkdirSync(d.outPath),
    run: cli((d) => ['waves', ...SMALL, ...out(d), '--force']),
    expect: exits(Usage),
  },
  {
    name: '-o a dangling symlink: exit 2',
    setup: (d) => symlinkSync(path.join(d.outside, 'new.mp4'), d.outPath),
    run: cli((d) => ['waves', ...SMALL, ...out(d)]),
    expect: exits(Usage),
  },
  {
    name: '-o a symlink to a file outside: exit 2, the target untouched',
    setup: (d) => symlinkSync(d.victim, d.outPath),
    run: cli((d) => ['waves', ...SMALL, ...out(d)]),
    expect: exits(Usage),
  },
  {
    name: '-o a 243-character file name: exit 2',
    run: cli((d) => ['waves', ...SMALL, '-o', path.join(d.work, `${'a'.repeat(239)}.mp4`)]),
    expect: exits(Usage),
  },
  {
    name: '-o beside a folder at <out>.lock: a FileSystemError, exit 9',
    setup: (d) => mkdirSync(`${d.outPath}.lock`),
    run: cli((d) => ['waves', ...SMALL, ...out(d)]),
    expect: exits(FileSystem),
  },
  {
    name: '-i a FIFO: exit 2, no hang',
    run: cli((d) => ['waves', ...SMALL, '-i', path.join(d.inputs, 'fifo.png'), ...out(d)]),
    expect: exits(Usage),
  },
  {
    name: '-i a PNG declaring 16000x16000: exit 2',
    run: cli((d) => ['waves', ...SMALL, '-i', path.join(d.inputs, 'bomb-16000.png'), ...out(d)]),
    expect: exits(Usage),
  },
  {
    name: '-i an image URL on the metadata address: exit 2',
    run: cli((d) => ['waves', ...SMALL, '-i', 'https://169.254.169.254/latest/frame.png', ...out(d)]),
    expect: exits(Usage),
  },
  {
    name: '--stitch --out-dir an existing file: exit 2 (5 today)',
    setup: (d) => writeFileSync(path.join(d.work, 'seq'), 'a file, not a folder'),
    run: cli((d) => ['--stitch', '-p', 'one', 'two', ...SMALL, '--out-dir', path.join(d.work, 'seq')]),
    expect: exits(Usage),
  },
  {
    name: '--stitch --concat equal to --out-dir: exit 2 before the first clip',
    run: cli((d) => [
      '--stitch',
      '-p',
      'one',
      'two',
      ...SMALL,
      '--out-dir',
      path.join(d.work, 'seq'),
      '--concat',
      path.join(d.work, 'seq'),
    ]),
    expect: exits(Usage),
  },
  {
    name: '--timeout 2200000 (above the timer limit): the job finishes, exit 0 (exit 6 today)',
    run: cli((d) => ['waves', ...SMALL, '--timeout', '2200000', ...out(d)]),
    expect: { kind: 'exit', codes: [0], submits: 1 },
    after: (d) => expect(isMp4(d.outPath)).toBe(true),
  },
  {
    name: 'a second generation of an output another one is driving: output_locked, exit 8',
    // The same request as the first one (a different one is `journal_mismatch`, exit 2).
    run: whileLocked((context) =>
      runCli(context, [
        'hostile input',
        ...SMALL.slice(0, 2),
        '--size',
        '160x90',
        '--duration',
        '1',
        '--fps',
        '12',
        ...out(context),
      ]),
    ),
    expect: { kind: 'exit', codes: [Locked], submits: 1 },
  },
  {
    name: 'video-gen resume of a journal another process is driving: output_locked, exit 8',
    run: whileLocked((context) => runCli(context, ['resume', journalOf(context)])),
    expect: { kind: 'exit', codes: [Locked], submits: 1 },
  },
  {
    name: 'resume a FIFO: no hang, exit 2 or 9',
    setup: (d) => makeFifo(journalOf(d)),
    run: cli((d) => ['resume', journalOf(d)]),
    expect: exits(Usage, FileSystem),
  },
  {
    name: 'status of a FIFO: no hang, exit 2 or 9',
    setup: (d) => makeFifo(journalOf(d)),
    run: cli((d) => ['status', journalOf(d)]),
    expect: exits(Usage, FileSystem),
  },
  {
    name: 'resume a folder: exit 2 or 9',
    setup: (d) => mkdirSync(journalOf(d)),
    run: cli((d) => ['resume', journalOf(d)]),
    expect: exits(Usage, FileSystem),
  },
  {
    name: 'resume a journal with state "bogus": exit 2, the journal kept',
    setup: (d) =>
      writeFileSync(
        journalOf(d),
        JSON.stringify({
          version: 1,
          state: 'bogus',
          provider: 'local',
          outPath: d.outPath,
          idempotencyKey: 'k',
        }),
      ),
    run: cli((d) => ['resume', journalOf(d)]),
    expect: exits(Usage),
    after: (d) => expect(readFileSync(journalOf(d), 'utf8')).toContain('"bogus"'),
  },
  {
    name: 'status of a journal that is not JSON: exit 2',
    setup: (d) => writeFileSync(journalOf(d), '{"version": 1,'),
    run: cli((d) => ['status', journalOf(d)]),
    expect: exits(Usage),
  },
  {
    name: 'download ../../../../keep: exit 2, the file outside the ledger untouched',
    setup: writeLedger,
    run: cli(() => ['download', '../../../../keep']),
    expect: exits(Usage),
  },
  {
    name: 'download a truncated ledger record: exit 2 (exit 1 today)',
    setup: writeLedger,
    run: cli(() => ['download', 'local_truncated-1']),
    expect: exits(Usage),
  },
  {
    name: 'list with a truncated record and one without request: exit 0, the good one listed',
    setup: writeLedger,
    run: async (context) => {
      const run = await runCli(context, ['list', '--json']);
      if (run.code === 0) {
        const ids = (JSON.parse(run.stdout) as { id: string }[]).map((r) => r.id);
        expect(ids).toEqual(['local_good-job-1']);
      }
      return run;
    },
    expect: { kind: 'exit', codes: [0], submits: 0 },
  },
  {
    name: 'a second generateVideo of an output this process is driving: output_locked',
    run: whileLocked((context) => generateVideo(context.base as unknown as GenerateVideoOptions)),
    expect: typed(['output_locked'], 1),
  },
];
