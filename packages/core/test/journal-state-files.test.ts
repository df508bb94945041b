import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listGenerations, readJournal, resumeVideo, VideoGenError } from '../src/index.js';
import { createFakeProvider, submitCount } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

const fast = { poll: { initialIntervalMs: 5 }, retry: { minDelayMs: 5, maxDelayMs: 10, retries: 1 } };

function setup() {
  const dir = tempDir();
  const outPath = path.join(dir, 'video.mp4');
  const journalPath = `${outPath}.job.json`;
  const ledger = path.join(dir, 'ledger');
  const stateDir = path.join(dir, 'state');
  const provider = createFakeProvider({ stateDir, videoPath: tinyMp4() });
  return { dir, outPath, journalPath, ledger, stateDir, provider };
}

/** A well-formed `submitted` journal for `outPath`, with `changes` applied (`undefined` drops a field). */
function journal(outPath: string, changes: Record<string, unknown> = {}): string {
  const now = new Date().toISOString();
  const base: Record<string, unknown> = {
    version: 1,
    state: 'submitted',
    provider: 'fake',
    outPath,
    idempotencyKey: 'key-0123456789',
    fingerprint: 'fingerprint-1',
    request: { prompt: 'waves', model: 'fake-1', width: 640, height: 360, fps: 24, durationSeconds: 4 },
    job: { provider: 'fake', model: 'fake-1', id: 'job-1', createdAt: now },
    warnings: [],
    createdAt: now,
    updatedAt: now,
  };
  return `${JSON.stringify({ ...base, ...changes }, null, 2)}\n`;
}

async function errorOf(promise: Promise<unknown>): Promise<VideoGenError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(VideoGenError.isInstance(error)).toBe(true);
  return error as VideoGenError;
}

describe('malformed journals', () => {
  it.each([
    ['an unknown state', { state: 'bogus' }],
    ['an unknown version', { version: 2 }],
    ['no request', { request: undefined }],
    ['a request without its size', { request: { prompt: 'waves', model: 'fake-1' } }],
    ['no job once submitted', { job: undefined }],
    ['a job without its id', { job: { provider: 'fake', model: 'fake-1', createdAt: 'now' } }],
    ['no fingerprint', { fingerprint: undefined }],
    ['a provider that is not a string', { provider: 42 }],
  ])(
    'resumeVideo of a journal with %s is journal_corrupt, and the journal is kept',
    async (_what, changes) => {
      const { outPath, journalPath, ledger, stateDir, provider } = setup();
      const text = journal(outPath, changes);
      writeFileSync(journalPath, text);

      const error = await errorOf(resumeVideo(journalPath, { provider, ledger, ...fast }));

      expect(error.code).toBe('journal_corrupt');
      expect(error.message).toContain(journalPath);
      expect(readFileSync(journalPath, 'utf8')).toBe(text);
      expect(await listGenerations({ ledger })).toEqual([]);
      expect(submitCount(stateDir)).toBe(0);
    },
  );

  it.each([
    ['a file outside its folder', (dir: string) => path.join(dir, '..', 'victim.txt')],
    ['another output in the same folder', (dir: string) => path.join(dir, 'other.mp4')],
    ['a relative path', () => 'video.mp4'],
  ])('a journal whose outPath is %s is journal_corrupt, kept, and never resumed', async (_what, target) => {
    const { dir, journalPath, ledger, stateDir, provider } = setup();
    const victim = target(dir);
    const text = journal(victim, { state: 'downloaded' });
    writeFileSync(journalPath, text);

    const error = await errorOf(resumeVideo(journalPath, { provider, ledger, ...fast }));

    expect(error.code).toBe('journal_corrupt');
    expect(error.message).toContain(journalPath);
    expect(readFileSync(journalPath, 'utf8')).toBe(text);
    expect(await listGenerations({ ledger })).toEqual([]);
    expect(submitCount(stateDir)).toBe(0);
  });

  it('names the unknown version in the message', async () => {
    const { outPath, journalPath } = setup();
    writeFileSync(journalPath, journal(outPath, { version: 7 }));
    const error = await errorOf(readJournal(journalPath));
    expect(error.message).toContain('version 7');
  });

  it('still reads a valid journal, keeping fields it does not know', async () => {
    const { outPath, journalPath } = setup();
    writeFileSync(journalPath, journal(outPath, { futureField: { a: 1 } }));
    const read = await readJournal(journalPath);
    expect(read).toMatchObject({ state: 'submitted', job: { id: 'job-1' }, futureField: { a: 1 } });
  });
});

describe('journals that are not regular files', () => {
  it('a FIFO given as a journal is journal_unreadable at once, never a hang', async () => {
    const { dir } = setup();
    const fifo = path.join(dir, 'pipe.job.json');
    execFileSync('mkfifo', [fifo]);
    const hang = new Promise<string>((resolve) => setTimeout(() => resolve('hung'), 5_000).unref());

    const outcome = await Promise.race([
      resumeVideo(fifo).then(
        () => 'resolved',
        (error: unknown) => error,
      ),
      hang,
    ]);

    expect(VideoGenError.isInstance(outcome)).toBe(true);
    expect((outcome as VideoGenError).code).toBe('journal_unreadable');
    expect((outcome as VideoGenError).message).toContain('FIFO');
  });

  it('a directory given as a journal is journal_unreadable, naming what it is', async () => {
    const { dir } = setup();
    const folder = path.join(dir, 'folder.job.json');
    mkdirSync(folder);
    const error = await errorOf(readJournal(folder));
    expect(error.code).toBe('journal_unreadable');
    expect(error.message).toContain('is a directory');
  });

  it('a device given as a journal is journal_unreadable', async () => {
    const error = await errorOf(readJournal('/dev/zero'));
    expect(error.code).toBe('journal_unreadable');
    expect(error.message).toContain('a device');
  });
});
