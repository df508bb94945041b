// Journals (issue 14 items 11 and 15): resumeVideo on malformed, foreign, FIFO and symlinked
// journals. A journal that is not a valid video-gen journal is `journal_corrupt` and is KEPT (it
// may hold a paid job); the ledger is not touched; a non-regular file is refused without opening
// it; a link is never followed out of the output's folder.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resumeVideo } from '@video-gen/core';
import { expect } from 'vitest';
import {
  type CaseContext,
  type CaseDirs,
  either,
  fileSystem,
  type HostileCase,
  invalidOption,
  providerNotFound,
  typed,
  validation,
} from '../case.js';
import { makeFifo } from '../fixtures.js';

const journalOf = (dirs: CaseDirs) => `${dirs.outPath}.job.json`;
const ledgerOf = (dirs: CaseDirs) => path.join(dirs.work, 'ledger');

/** A valid `submitted` journal of the local provider for `outPath`. */
function journal(outPath: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    version: 1,
    state: 'submitted',
    provider: 'local',
    outPath,
    idempotencyKey: 'hostile-key-1',
    fingerprint: 'hostile-fingerprint',
    request: { prompt: 'a kite', model: 'local-v1', width: 160, height: 90, fps: 12, durationSeconds: 1 },
    job: { provider: 'local', model: 'local-v1', id: 'hostile-job-1', createdAt: now },
    warnings: [],
    createdAt: now,
    updatedAt: now,
    ...over,
  };
}

/** Resumes the case's journal (or `file`) with the harness provider and a ledger in `work`. */
function resume(file?: (dirs: CaseDirs) => string, options: Record<string, unknown> = {}) {
  return (context: CaseContext) =>
    resumeVideo(file ? file(context) : journalOf(context), {
      provider: context.harness.provider,
      ledger: ledgerOf(context),
      poll: { initialIntervalMs: 5, maxIntervalMs: 20 },
      ...options,
    } as never);
}

/** The journal is still there, byte for byte; no output, no ledger record says `downloaded`. */
function kept(text: string) {
  return (dirs: CaseDirs) => {
    expect(readFileSync(journalOf(dirs), 'utf8'), 'the journal is kept').toBe(text);
    expect(existsSync(dirs.outPath), 'an output without a video').toBe(false);
    const ledger = ledgerOf(dirs);
    const records = existsSync(ledger) ? readdirSync(ledger).filter((f) => f.endsWith('.json')) : [];
    for (const name of records)
      expect(readFileSync(path.join(ledger, name), 'utf8')).not.toContain('"downloaded"');
  };
}

const corrupt = typed(['journal_corrupt']);

/** A malformed journal at the output's journal path. */
function malformed(what: string, content: (dirs: CaseDirs) => string): HostileCase {
  let text = '';
  return {
    name: `a journal that is ${what}: journal_corrupt, kept`,
    setup: (dirs) => {
      text = content(dirs);
      writeFileSync(journalOf(dirs), text);
    },
    run: resume(),
    expect: corrupt,
    after: (dirs) => kept(text)(dirs),
  };
}

const json = (value: unknown) => () => JSON.stringify(value);
const variant = (over: Record<string, unknown>) => (dirs: CaseDirs) =>
  JSON.stringify(journal(dirs.outPath, over));
const without = (key: string) => (dirs: CaseDirs) => {
  const value = journal(dirs.outPath);
  delete value[key];
  return JSON.stringify(value);
};

const notRegular = either(fileSystem('unsafe_path'), typed(['journal_unreadable', 'journal_corrupt']));

export const JOURNAL_CASES: readonly HostileCase[] = [
  malformed('not JSON', () => '{"version": 1, "state": "submitted", '),
  malformed('empty', () => ''),
  malformed('{}', json({})),
  malformed('[]', json([])),
  malformed('null', json(null)),
  malformed('a JSON string', json('submitted')),
  malformed('a package.json (a foreign file)', json({ name: 'x', version: '1.0.0', dependencies: {} })),
  malformed('state "bogus" (deleted and marked downloaded today)', variant({ state: 'bogus' })),
  malformed('missing its request', without('request')),
  malformed('missing its provider', without('provider')),
  malformed('missing its state', without('state')),
  malformed('version 2', variant({ version: 2 })),
  malformed('version "1" (a string)', variant({ version: '1' })),
  malformed('outPath a number', variant({ outPath: 42 })),
  malformed('request.width a string', (dirs) =>
    JSON.stringify(
      journal(dirs.outPath, { request: { ...(journal(dirs.outPath).request as object), width: 'big' } }),
    ),
  ),
  malformed('request.prompt missing', (dirs) =>
    JSON.stringify(
      journal(dirs.outPath, {
        request: { model: 'local-v1', width: 160, height: 90, fps: 12, durationSeconds: 1 },
      }),
    ),
  ),
  malformed('job.id a number', (dirs) =>
    JSON.stringify(
      journal(dirs.outPath, { job: { provider: 'local', model: 'local-v1', id: 42, createdAt: '' } }),
    ),
  ),
  malformed('warnings an object', variant({ warnings: { a: 1 } })),
  malformed('idempotencyKey missing', without('idempotencyKey')),
  malformed('a UTF-8 BOM before the JSON', (dirs) => `\uFEFF${variant({})(dirs)}`),
  malformed('only a __proto__ key', () => '{"__proto__": {"version": 1, "state": "submitted"}}'),
  {
    name: 'a journal whose outPath points outside its folder: refused, nothing written there',
    setup: (dirs) =>
      writeFileSync(journalOf(dirs), JSON.stringify(journal(dirs.victim, { state: 'downloaded' }))),
    run: resume(),
    expect: typed(['journal_corrupt', 'journal_mismatch']),
  },
  {
    name: 'a journal of provider "__proto__"',
    setup: (dirs) => writeFileSync(journalOf(dirs), variant({ provider: '__proto__' })(dirs)),
    run: (context) => resumeVideo(journalOf(context), { ledger: ledgerOf(context) }),
    expect: either(providerNotFound, corrupt),
  },
  {
    name: 'a journal of provider "constructor"',
    setup: (dirs) => writeFileSync(journalOf(dirs), variant({ provider: 'constructor' })(dirs)),
    run: (context) => resumeVideo(journalOf(context), { ledger: ledgerOf(context) }),
    expect: either(providerNotFound, corrupt),
  },
  {
    name: 'a journal of a provider that is not installed',
    setup: (dirs) => writeFileSync(journalOf(dirs), variant({ provider: 'no-such-provider' })(dirs)),
    run: (context) => resumeVideo(journalOf(context), { ledger: ledgerOf(context) }),
    expect: providerNotFound,
  },
  {
    name: 'a journal that is a FIFO (hangs forever today)',
    setup: (dirs) => makeFifo(journalOf(dirs)),
    run: resume(),
    expect: notRegular,
  },
  {
    name: 'a journal that is a folder',
    setup: (dirs) => mkdirSync(journalOf(dirs)),
    run: resume(),
    expect: notRegular,
  },
  {
    name: 'the character device /dev/null as a journal',
    run: resume(() => '/dev/null'),
    expect: notRegular,
  },
  {
    name: 'a journal that is a symlink to a journal outside: never followed there',
    setup: (dirs) => {
      const foreign = path.join(dirs.outside, 'v.mp4.job.json');
      writeFileSync(
        foreign,
        JSON.stringify(journal(path.join(dirs.outside, 'v.mp4'), { state: 'submitting', job: undefined })),
      );
      symlinkSync(foreign, journalOf(dirs));
    },
    run: resume(),
    expect: either(fileSystem('unsafe_path'), typed(['journal_corrupt', 'journal_mismatch'])),
  },
  {
    name: 'a journal that is a dangling symlink',
    setup: (dirs) => symlinkSync(path.join(dirs.outside, 'gone.job.json'), journalOf(dirs)),
    run: resume(),
    expect: either(fileSystem('unsafe_path'), typed(['journal_missing'])),
  },
  { name: 'no journal at the path', run: resume(), expect: typed(['journal_missing']) },
  {
    name: 'a journal path with a NUL byte',
    run: resume((dirs) => `${journalOf(dirs)}\u0000`),
    expect: either(validation(['journalPath', 'journal']), typed(['journal_missing', 'journal_unreadable'])),
  },
  {
    name: 'a journal path that is a number',
    run: resume(() => 42 as never),
    expect: invalidOption(['journalPath', 'journal']),
  },
  {
    name: 'resumeVideo with an unknown option',
    setup: (dirs) => writeFileSync(journalOf(dirs), variant({})(dirs)),
    run: resume(undefined, { overwrit: true }),
    expect: invalidOption('overwrit'),
  },
  {
    name: 'resumeVideo with timeoutMs NaN',
    setup: (dirs) => writeFileSync(journalOf(dirs), variant({})(dirs)),
    run: resume(undefined, { timeoutMs: Number.NaN }),
    expect: invalidOption('timeoutMs'),
  },
  {
    name: 'resumeVideo with overwrite "false"',
    setup: (dirs) => writeFileSync(journalOf(dirs), variant({})(dirs)),
    run: resume(undefined, { overwrite: 'false' }),
    expect: invalidOption('overwrite'),
  },
  {
    name: 'resumeVideo with a model (what to generate is in the journal)',
    setup: (dirs) => writeFileSync(journalOf(dirs), variant({})(dirs)),
    run: resume(undefined, { model: 'local-v1' }),
    expect: invalidOption('model'),
  },
  {
    name: 'a submitting journal whose image was given as bytes: not resubmittable, nothing submitted',
    setup: (dirs) =>
      writeFileSync(
        journalOf(dirs),
        JSON.stringify(
          journal(dirs.outPath, {
            state: 'submitting',
            job: undefined,
            request: { ...(journal(dirs.outPath).request as object), firstFrame: null },
          }),
        ),
      ),
    run: resume(),
    expect: typed(['journal_not_resubmittable']),
  },
];
