// The hostile-input table (issue 14): every case ends in its typed error (class, code, field) or in
// the intended success, with no paid submit where the input is knowable before submit, and with
// nothing written outside the case's own folder: the sibling folder with its victim file, the
// shared inputs and the working directory are compared before and after each case.
import { lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTree, tempDir } from '../support/files.js';
import { type Harness, startLocal, startVendor } from '../support/vendors.js';
import type { CaseContext, CaseDirs, FakeSetup, HostileCase } from './case.js';
import { CLI_CASES } from './cases/cli.js';
import { IMAGE_CASES } from './cases/images.js';
import { JOURNAL_CASES } from './cases/journals.js';
import { LEDGER_CASES } from './cases/ledger.js';
import { NUMBER_CASES } from './cases/numbers.js';
import { OPTION_TYPE_CASES } from './cases/option-types.js';
import { OUT_PATH_CASES } from './cases/out-path.js';
import { PROVIDER_OPTION_CASES } from './cases/provider-options.js';
import { PROVIDER_CASES } from './cases/providers.js';
import { SEQUENCE_CASES } from './cases/sequences.js';
import { URL_CASES } from './cases/urls.js';
import type { CliOutcome } from './cli-run.js';
import { releaseFifo, writeInputs } from './fixtures.js';

/** Cheap topics first; the ones that render or spawn last. */
const TABLE: readonly (readonly [string, readonly HostileCase[]])[] = [
  ['option types', OPTION_TYPE_CASES],
  ['numbers', NUMBER_CASES],
  ['provider ids', PROVIDER_CASES],
  ['providerOptions', PROVIDER_OPTION_CASES],
  ['outPath', OUT_PATH_CASES],
  ['images', IMAGE_CASES],
  ['URLs', URL_CASES],
  ['ledger ids', LEDGER_CASES],
  ['journals', JOURNAL_CASES],
  ['sequences', SEQUENCE_CASES],
  ['CLI flags', CLI_CASES],
];

/** A case that neither settles nor fails within this is a hang (a FIFO opened, say). */
const HANG_MS = 20_000;
const VICTIM_TEXT = 'a file outside the case folder that must never change\n';
const STACK_LINE = /\n\s+at .+:\d+:\d+\)?/;

let root: string;
let inputs: string;
let processCwd: string;
let originalCwd: string;
const originalHome = process.env.VIDEO_GEN_HOME;
let serial = 0;

beforeAll(() => {
  root = tempDir('hostile');
  inputs = path.join(root, 'inputs');
  processCwd = path.join(root, 'cwd');
  mkdirSync(processCwd, { recursive: true });
  writeInputs(inputs);
  // Relative paths resolve here, and nothing may ever appear here.
  originalCwd = process.cwd();
  process.chdir(processCwd);
});
afterAll(() => {
  process.chdir(originalCwd);
  process.env.VIDEO_GEN_HOME = originalHome;
});

function caseDirs(): CaseDirs {
  const caseRoot = path.join(root, String(++serial).padStart(3, '0'));
  const dirs: CaseDirs = {
    work: path.join(caseRoot, 'work'),
    outside: path.join(caseRoot, 'outside'),
    victim: path.join(caseRoot, 'outside', 'victim.txt'),
    inputs,
    outPath: path.join(caseRoot, 'work', 'clip.mp4'),
    cwd: path.join(caseRoot, 'cwd'),
  };
  for (const dir of [dirs.work, dirs.outside, dirs.cwd]) mkdirSync(dir, { recursive: true });
  writeFileSync(dirs.victim, VICTIM_TEXT);
  // Where `../../keep` from a ledger in `work/ledger` lands, and a folder's worth of other victims.
  writeFileSync(path.join(caseRoot, 'keep.json'), '{"keep":true}\n');
  writeFileSync(path.join(dirs.outside, 'keep.json'), '{"keep":true}\n');
  return dirs;
}

/** Everything of the case's root except its own folders. */
function outsideWork(dirs: CaseDirs): Record<string, string> {
  const tree = snapshotTree(path.dirname(dirs.work));
  return Object.fromEntries(Object.entries(tree).filter(([key]) => !/^(work|cwd)(\/|$)/.test(key)));
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a non-error: ${String(error)}`;
  const { code, issues } = error as { code?: string; issues?: { field: string }[] };
  const fields = issues?.map((issue) => issue.field).join(', ');
  return `${error.name}${code ? ` ${code}` : ''}${fields ? ` [${fields}]` : ''}: ${error.message.slice(0, 300)}`;
}

async function startHarness(
  c: HostileCase,
  dirs: CaseDirs,
): Promise<{ harness: Harness; helper?: FakeSetup }> {
  if ((c.vendor ?? 'local') === 'local') {
    return { harness: startLocal(path.join(dirs.work, 'tmp', 'video-gen-local-jobs')) };
  }
  const vendor = c.vendor as Exclude<HostileCase['vendor'], 'local' | undefined>;
  if (typeof c.fake === 'function') {
    const helper = await c.fake();
    return { harness: await startVendor(vendor, 'none', helper.options), helper };
  }
  return { harness: await startVendor(vendor, 'none', c.fake ?? {}) };
}

function fifosUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFIFO())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function runCase(c: HostileCase): Promise<void> {
  const dirs = caseDirs();
  mkdirSync(path.join(dirs.work, 'tmp', 'video-gen-local-jobs'), { recursive: true });
  // The default ledger of anything that records one (sequences, the CLI) lives in the case folder.
  process.env.VIDEO_GEN_HOME = path.join(dirs.work, 'home');
  await c.setup?.(dirs);
  const before = outsideWork(dirs);
  const inputsBefore = snapshotTree(inputs);
  const { harness, helper } = await startHarness(c, dirs);
  const downloads: string[] = [];
  const innerFetch = harness.options.fetch ?? globalThis.fetch;
  const spy: typeof fetch = (input, init) => {
    downloads.push(input instanceof Request ? input.url : String(input));
    return innerFetch(input, init);
  };
  const context: CaseContext & { downloads: string[] } = {
    ...dirs,
    harness,
    downloads,
    base: {
      ...harness.options,
      provider: harness.provider,
      prompt: 'hostile input',
      outPath: dirs.outPath,
      fetch: spy,
      ledger: false,
    },
  };
  let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
  let timer: NodeJS.Timeout | undefined;
  try {
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`hung: no outcome after ${HANG_MS} ms`)), HANG_MS);
    });
    outcome = await Promise.race([c.run(context), hang]).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  } finally {
    clearTimeout(timer);
    for (const fifo of [...fifosUnder(inputs), ...fifosUnder(dirs.work)]) releaseFifo(fifo);
    await harness.close();
  }
  try {
    helper?.verify?.(downloads);
  } finally {
    await helper?.close();
  }

  const { expect: wanted } = c;
  if (wanted.kind === 'error' && wanted.orSuccess !== undefined && outcome.ok) {
    expect(harness.creates(), 'paid submits').toBe(wanted.orSuccess);
  } else if (wanted.kind === 'error') {
    const got = outcome.ok
      ? `success: ${JSON.stringify(outcome.value)?.slice(0, 200)}`
      : describeError(outcome.error);
    expect(!outcome.ok && wanted.check(outcome.error), `expected ${wanted.label}, got ${got}`).toBe(true);
    expect(harness.creates(), `paid submits before ${got}`).toBe(wanted.submits);
  } else if (wanted.kind === 'success') {
    if (!outcome.ok) expect.fail(`expected success, got ${describeError(outcome.error)}`);
    expect(harness.creates(), 'paid submits').toBe(wanted.submits ?? 1);
    await wanted.check?.(outcome.value, dirs);
  } else {
    if (!outcome.ok) expect.fail(`the CLI could not be run: ${describeError(outcome.error)}`);
    const run = outcome.value as CliOutcome;
    const said = `stderr: ${run.stderr.slice(0, 600)}`;
    expect(wanted.codes, `exit code ${run.code}; ${said}`).toContain(run.code);
    expect(STACK_LINE.test(run.stderr), `a stack trace; ${said}`).toBe(false);
    expect(run.stderr + run.stdout).not.toContain('[object Object]');
    if (wanted.submits !== undefined) expect(harness.creates(), 'paid submits').toBe(wanted.submits);
  }
  await c.after?.(dirs, { downloads });

  // Nothing written outside the case's folder: the victim, its siblings, the inputs, the cwds.
  expect(outsideWork(dirs), 'files outside the case folder').toEqual(before);
  expect(snapshotTree(inputs), 'the shared inputs').toEqual(inputsBefore);
  expect(readdirSync(processCwd), 'files in the working directory').toEqual([]);
  expect(readdirSync(dirs.cwd).sort(), "files in the CLI's working directory").toEqual(
    [...(c.cwdFiles ?? [])].sort(),
  );
  // No planted link was replaced by something else, and none was written through.
  expect(lstatSync(dirs.victim).isFile()).toBe(true);
}

const total = TABLE.reduce((sum, [, cases]) => sum + cases.length, 0);

describe(`hostile input (${total} cases)`, () => {
  it('has at least 200 cases with unique names', () => {
    const names = TABLE.flatMap(([, cases]) => cases.map((c) => c.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(200);
  });

  for (const [topic, cases] of TABLE) {
    describe(topic, () => {
      it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
        await runCase(c);
      });
    });
  }
});
