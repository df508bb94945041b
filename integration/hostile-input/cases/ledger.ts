// Ledger ids (issue 14 items 4 and 12): an id is checked against the ledger's own format before it
// becomes a file name, so `../../keep` never reads or deletes a file outside the ledger; one bad
// record is skipped, never fatal.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  downloadGeneration,
  forgetGeneration,
  type GenerationRecord,
  getGeneration,
  listGenerations,
  VideoGenError,
} from '@video-gen/core';
import { expect } from 'vitest';
import {
  type CaseDirs,
  type Expectation,
  errorOrSuccess,
  type HostileCase,
  invalidOption,
  typed,
  validation,
} from '../case.js';

const ledgerOf = (dirs: CaseDirs) => path.join(dirs.work, 'ledger');

const GOOD = 'local_good-job-1';

function record(id: string, outPath: string): GenerationRecord {
  const now = new Date().toISOString();
  return {
    version: 1,
    id,
    provider: 'local',
    model: 'local-v1',
    job: { provider: 'local', model: 'local-v1', id: id.slice('local_'.length), createdAt: now },
    status: 'succeeded',
    request: { prompt: 'a kite', model: 'local-v1', width: 160, height: 90, fps: 12, durationSeconds: 1 },
    outPath,
    createdAt: now,
    updatedAt: now,
  } as GenerationRecord;
}

/** A ledger with one good record, one truncated, one without `request`, one a link outside. */
function writeLedger(dirs: CaseDirs): void {
  const ledger = ledgerOf(dirs);
  mkdirSync(ledger, { recursive: true });
  writeFileSync(
    path.join(ledger, `${GOOD}.json`),
    JSON.stringify(record(GOOD, path.join(dirs.work, 'kite.mp4'))),
  );
  writeFileSync(
    path.join(ledger, 'local_truncated-1.json'),
    JSON.stringify(record('local_truncated-1', dirs.outPath)).slice(0, 60),
  );
  const { request: _dropped, ...noRequest } = record('local_no-request-1', dirs.outPath);
  writeFileSync(path.join(ledger, 'local_no-request-1.json'), JSON.stringify(noRequest));
  symlinkSync(path.join(dirs.outside, 'keep.json'), path.join(ledger, 'local_linked-1.json'));
}

const BAD_IDS: readonly (readonly [string, string])[] = [
  ['../../keep', 'a path up and out of the ledger (the reproduction)'],
  ['../../outside/keep', 'a path into a sibling folder'],
  ['../ledger/local_good-job-1', 'a path that comes back into the ledger'],
  ['/etc/passwd', 'an absolute path'],
  ['..', '".."'],
  ['.', '"."'],
  ['', 'empty'],
  ['local/good-job-1', 'with a slash'],
  ['local\\..\\..\\keep', 'with backslashes'],
  ['local_good-job-1\u0000', 'with a NUL byte'],
  ['.local_good-job-1', 'starting with a dot (a temporary name)'],
  [' local_good-job-1', 'with a leading space'],
  ['local_good-job-1\n', 'with a newline'],
  ['%2e%2e%2fkeep', 'percent-encoded'],
  ['x'.repeat(500), '500 characters long'],
];

const badId = validation('id', 'invalid_generation_id');

type LedgerCall = 'getGeneration' | 'forgetGeneration' | 'downloadGeneration';

function call(fn: LedgerCall, id: unknown) {
  return (context: { work: string; harness: { provider: unknown }; outPath: string } & CaseDirs) => {
    const ledger = ledgerOf(context);
    if (fn === 'getGeneration') return getGeneration(id as string, { ledger });
    if (fn === 'forgetGeneration') return forgetGeneration(id as string, { ledger });
    return downloadGeneration(id as string, {
      ledger,
      provider: context.harness.provider as never,
      outPath: path.join(context.work, 'recovered.mp4'),
    });
  };
}

const skippedRecord: Expectation = {
  kind: 'error',
  label: 'a typed VideoGenError (the bad record skipped), not a SyntaxError',
  check: (e) => VideoGenError.isInstance(e),
  submits: 0,
};

export const LEDGER_CASES: readonly HostileCase[] = [
  ...BAD_IDS.flatMap(([id, what]) =>
    (['getGeneration', 'forgetGeneration'] as const).map(
      (fn): HostileCase => ({
        name: `${fn}: a ledger id ${what}`,
        setup: writeLedger,
        run: call(fn, id) as HostileCase['run'],
        expect: badId,
      }),
    ),
  ),
  ...BAD_IDS.slice(0, 6).map(
    ([id, what]): HostileCase => ({
      name: `downloadGeneration: a ledger id ${what}`,
      setup: writeLedger,
      run: call('downloadGeneration', id) as HostileCase['run'],
      expect: badId,
    }),
  ),
  ...([42, null, { id: GOOD }] as const).map(
    (id): HostileCase => ({
      name: `getGeneration: an id that is ${id === null ? 'null' : typeof id}`,
      setup: writeLedger,
      run: call('getGeneration', id) as HostileCase['run'],
      expect: validation('id'),
    }),
  ),
  {
    name: 'getGeneration: an id in the right format that is not recorded',
    setup: writeLedger,
    run: call('getGeneration', 'local_never-recorded') as HostileCase['run'],
    expect: typed(['generation_not_found']),
  },
  {
    name: 'getGeneration: a recorded id',
    setup: writeLedger,
    run: call('getGeneration', GOOD) as HostileCase['run'],
    expect: { kind: 'success', submits: 0, check: (r) => expect((r as GenerationRecord).id).toBe(GOOD) },
  },
  {
    name: 'getGeneration: a truncated record (untyped SyntaxError today)',
    setup: writeLedger,
    run: call('getGeneration', 'local_truncated-1') as HostileCase['run'],
    expect: skippedRecord,
  },
  {
    name: 'downloadGeneration: a truncated record (exit 1 from the CLI today)',
    setup: writeLedger,
    run: call('downloadGeneration', 'local_truncated-1') as HostileCase['run'],
    expect: skippedRecord,
  },
  {
    name: 'getGeneration: a record that is a symlink to a file outside the ledger',
    setup: writeLedger,
    run: call('getGeneration', 'local_linked-1') as HostileCase['run'],
    expect: typed(['unsafe_path', 'generation_not_found', 'generation_corrupt']),
  },
  {
    name: 'forgetGeneration: a record that is a symlink outside: the link goes, never its target',
    setup: writeLedger,
    run: call('forgetGeneration', 'local_linked-1') as HostileCase['run'],
    expect: errorOrSuccess(typed(['unsafe_path', 'generation_not_found', 'generation_corrupt']), 0),
  },
  {
    name: 'listGenerations: a truncated record and one without request are skipped',
    setup: writeLedger,
    run: (context) => listGenerations({ ledger: ledgerOf(context) }),
    expect: {
      kind: 'success',
      submits: 0,
      check: (records) => expect((records as GenerationRecord[]).map((r) => r.id)).toEqual([GOOD]),
    },
  },
  {
    name: 'listGenerations: ledger option is a number',
    run: () => listGenerations({ ledger: 42 as never }),
    expect: invalidOption('ledger'),
  },
  {
    name: 'listGenerations: status is not a status',
    setup: writeLedger,
    run: (context) => listGenerations({ ledger: ledgerOf(context), status: 'paid' as never }),
    expect: invalidOption('status'),
  },
  {
    name: 'listGenerations: since is not a date',
    setup: writeLedger,
    run: (context) => listGenerations({ ledger: ledgerOf(context), since: 'yesterday-ish' }),
    expect: invalidOption('since'),
  },
];
