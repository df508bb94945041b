import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetGeneration,
  type GenerationRecord,
  getGeneration,
  type LogRecord,
  listGenerations,
  setLogSink,
  VideoGenError,
} from '../src/index.js';
import { LedgerStore } from '../src/ledger/ledger-store.js';
import { tempDir } from './support/fixtures.js';

function record(id: string, overrides: Partial<GenerationRecord> = {}): GenerationRecord {
  const now = new Date().toISOString();
  return {
    version: 1,
    id,
    provider: 'fake',
    model: 'fake-1',
    job: { provider: 'fake', model: 'fake-1', id: id.slice('fake_'.length), createdAt: now },
    status: 'succeeded',
    request: { prompt: 'waves', model: 'fake-1', width: 640, height: 360, fps: 24, durationSeconds: 4 },
    outPath: '/tmp/waves.mp4',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/** A ledger folder two levels below a folder holding a `keep.json` that must survive. */
function nestedLedger() {
  const root = tempDir();
  const ledger = path.join(root, 'a', 'ledger');
  mkdirSync(ledger, { recursive: true });
  const keep = path.join(root, 'keep.json');
  writeFileSync(keep, JSON.stringify(record('fake_keep')));
  return { root, ledger, keep };
}

async function errorOf(promise: Promise<unknown>): Promise<VideoGenError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(VideoGenError.isInstance(error)).toBe(true);
  return error as VideoGenError;
}

afterEach(() => setLogSink(null));

describe('ledger ids', () => {
  it('forgetGeneration refuses an id that climbs out of the ledger, and deletes nothing', async () => {
    const { ledger, keep } = nestedLedger();
    const error = await errorOf(forgetGeneration('../../keep', { ledger }));
    expect(error.code).toBe('invalid_generation_id');
    expect(error).toMatchObject({ issues: [{ field: 'id' }] });
    expect(existsSync(keep)).toBe(true);
  });

  it.each([
    ['an absolute path', '/etc/passwd'],
    ['a parent reference', '../../keep'],
    ['a dot', '.'],
    ['two dots', '..'],
    ['a separator', 'fake_a/b'],
    ['a backslash', 'fake_a\\b'],
    ['a NUL byte', 'fake_a\u0000b'],
    ['a hidden name', '.fake_job'],
    ['the empty string', ''],
  ])('getGeneration refuses %s as a ledger id (invalid_generation_id)', async (_what, id) => {
    const { ledger } = nestedLedger();
    const error = await errorOf(getGeneration(id, { ledger }));
    expect(error.code).toBe('invalid_generation_id');
    expect(error.name).toBe('ValidationError');
  });

  it('accepts the ids the ledger mints, such as a Veo operation tail', async () => {
    const { ledger } = nestedLedger();
    const store = new LedgerStore(ledger);
    await store.write(record('veo3_operations-abc.123_x'));
    expect((await getGeneration('veo3_operations-abc.123_x', { ledger })).id).toBe(
      'veo3_operations-abc.123_x',
    );
  });

  it('replaces a link planted at a record name instead of writing through it', async () => {
    const { root, ledger } = nestedLedger();
    const victim = path.join(root, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, path.join(ledger, 'fake_job-1.json'));

    await new LedgerStore(ledger).write(record('fake_job-1'));

    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(path.join(ledger, 'fake_job-1.json')).isFile()).toBe(true);
    expect((await getGeneration('fake_job-1', { ledger })).status).toBe('succeeded');
  });

  it('never reads a record through a link planted at its name', async () => {
    const { root, ledger } = nestedLedger();
    const outside = path.join(root, 'outside.json');
    writeFileSync(outside, JSON.stringify(record('fake_job-2')));
    symlinkSync(outside, path.join(ledger, 'fake_job-2.json'));

    const error = await errorOf(getGeneration('fake_job-2', { ledger }));
    expect(error.code).toBe('generation_corrupt');
  });
});

describe('malformed ledger records', () => {
  function ledgerWithBadRecords() {
    const { ledger } = nestedLedger();
    writeFileSync(path.join(ledger, 'fake_good.json'), JSON.stringify(record('fake_good')));
    const { request: _dropped, ...noRequest } = record('fake_norequest');
    writeFileSync(path.join(ledger, 'fake_norequest.json'), JSON.stringify(noRequest));
    writeFileSync(path.join(ledger, 'fake_cut.json'), JSON.stringify(record('fake_cut')).slice(0, 40));
    return ledger;
  }

  it('listGenerations skips a record without request and a truncated one, with a warning each', async () => {
    const ledger = ledgerWithBadRecords();
    const warnings: LogRecord[] = [];
    setLogSink((entry) => {
      if (entry.level === 'warn') warnings.push(entry);
    });

    const records = await listGenerations({ ledger });

    expect(records.map((entry) => entry.id)).toEqual(['fake_good']);
    const files = warnings.map((entry) => String(entry.fields?.file));
    expect(files.sort()).toEqual([
      path.join(ledger, 'fake_cut.json'),
      path.join(ledger, 'fake_norequest.json'),
    ]);
  });

  it.each([
    ['a record without request', 'fake_norequest', /request/],
    ['a truncated record', 'fake_cut', /not valid JSON/],
  ])('getGeneration of %s is a generation_corrupt error naming the file', async (_what, id, why) => {
    const ledger = ledgerWithBadRecords();
    const error = await errorOf(getGeneration(id, { ledger }));
    expect(error.code).toBe('generation_corrupt');
    expect(error.message).toContain(path.join(ledger, `${id}.json`));
    expect(error.message).toMatch(why);
  });

  it('forgetGeneration removes a corrupt record', async () => {
    const ledger = ledgerWithBadRecords();
    expect(await forgetGeneration('fake_cut', { ledger })).toBe(true);
    expect(existsSync(path.join(ledger, 'fake_cut.json'))).toBe(false);
    expect(await forgetGeneration('fake_cut', { ledger })).toBe(false);
  });
});
