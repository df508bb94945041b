import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVideo, finishVideo, type Journal, readJournal, startVideo } from '../src/index.js';
import { createFakeProvider, submitCount } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

describe('startVideo / checkVideo / finishVideo', () => {
  it('startVideo returns right after the submit, with the journal recorded', async () => {
    const dir = tempDir();
    const provider = createFakeProvider({
      stateDir: path.join(dir, 's'),
      videoPath: tinyMp4(),
      pollsUntilDone: 2,
    });
    const outPath = path.join(dir, 'a.mp4');
    const started = await startVideo({ provider, prompt: 'waves', outPath, idempotencyKey: 'key-1' });
    expect(provider.calls).toMatchObject({ submit: 1, status: 0, download: 0 });
    expect(provider.lastRequest?.idempotencyKey).toBe('key-1');
    expect(started.resumed).toBe(false);
    expect(started.journal.state).toBe('submitted');
    expect(started.journal.idempotencyKey).toBe('key-1');
    expect(started.journalPath).toBe(`${outPath}.job.json`);
    expect(await readJournal(started.journalPath)).toEqual(started.journal);
    expect(started.job).toEqual(started.journal.job);
    expect(existsSync(outPath)).toBe(false);

    // The same call again: the recorded job, no second submit.
    const again = await startVideo({ provider, prompt: 'waves', outPath });
    expect(again.resumed).toBe(true);
    expect(again.job.id).toBe(started.job.id);
    expect(provider.calls.submit).toBe(1);
  });

  it('checkVideo asks once; finishVideo downloads in another folder from the journal value, never submitting', async () => {
    const dir = tempDir();
    const stateDir = path.join(dir, 's');
    const provider = createFakeProvider({ stateDir, videoPath: tinyMp4(), pollsUntilDone: 2 });
    const started = await startVideo({ provider, prompt: 'waves', outPath: path.join(dir, 'one', 'a.mp4') });
    // The journal as a caller would keep it: plain JSON.
    const kept = JSON.parse(JSON.stringify(started.journal)) as Journal;

    const other = createFakeProvider({ stateDir, videoPath: tinyMp4(), pollsUntilDone: 2 });
    expect((await checkVideo(kept, { provider: other })).state).toBe('queued');
    expect(other.calls).toMatchObject({ submit: 0, status: 1, download: 0 });

    const outPath = path.join(dir, 'two', 'b.mp4');
    const result = await finishVideo(kept, { provider: other, outPath, poll: { initialIntervalMs: 5 } });
    expect(result.path).toBe(outPath);
    expect(result.resumed).toBe(true);
    expect(result.jobId).toBe(started.job.id);
    expect(other.calls.submit).toBe(0);
    expect(submitCount(stateDir)).toBe(1);
    expect(readFileSync(outPath).equals(readFileSync(tinyMp4()))).toBe(true);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
    expect((await checkVideo(kept, { provider: other })).state).toBe('succeeded');
  });

  it('finishVideo given a journal path resumes it in place', async () => {
    const dir = tempDir();
    const provider = createFakeProvider({
      stateDir: path.join(dir, 's'),
      videoPath: tinyMp4(),
      pollsUntilDone: 1,
    });
    const outPath = path.join(dir, 'a.mp4');
    const { journalPath } = await startVideo({ provider, prompt: 'waves', outPath });
    const result = await finishVideo(journalPath, { provider, poll: { initialIntervalMs: 5 } });
    expect(result.path).toBe(outPath);
    expect(provider.calls.submit).toBe(1);
    expect(existsSync(journalPath)).toBe(false);
  });

  it('refuses bad input with typed errors before any vendor call', async () => {
    const dir = tempDir();
    const provider = createFakeProvider({ stateDir: path.join(dir, 's'), videoPath: tinyMp4() });
    await expect(startVideo({ provider, prompt: 'x', idempotencyKey: '' })).rejects.toMatchObject({
      code: 'invalid_options',
    });
    await expect(checkVideo({ version: 2 } as unknown as Journal, { provider })).rejects.toMatchObject({
      code: 'journal_corrupt',
    });
    await expect(
      finishVideo(path.join(dir, 'x.job.json'), { outPath: path.join(dir, 'y.mp4') }),
    ).rejects.toMatchObject({
      code: 'invalid_options',
    });
    await expect(checkVideo(path.join(dir, 'none.job.json'))).rejects.toMatchObject({
      code: 'journal_missing',
    });
    expect(provider.calls).toMatchObject({ submit: 0, status: 0, download: 0 });
  });

  it('checkVideo on a journal whose submit was never confirmed says so; finishVideo repeats the submit with its key', async () => {
    const dir = tempDir();
    const provider = createFakeProvider({
      stateDir: path.join(dir, 's'),
      videoPath: tinyMp4(),
      pollsUntilDone: 1,
    });
    const started = await startVideo({ provider, prompt: 'waves', outPath: path.join(dir, 'a.mp4') });
    const { job: _job, ...rest } = started.journal;
    const unconfirmed = { ...rest, state: 'submitting' } as Journal;
    await expect(checkVideo(unconfirmed, { provider })).rejects.toMatchObject({ code: 'job_not_submitted' });
    const outPath = path.join(dir, 'b.mp4');
    await finishVideo(unconfirmed, { provider, outPath, poll: { initialIntervalMs: 5 } });
    expect(provider.calls.submit).toBe(2);
    expect(provider.lastRequest?.idempotencyKey).toBe(started.journal.idempotencyKey);
  });

  it('finishVideo refuses an outPath whose journal records another job', async () => {
    const dir = tempDir();
    const provider = createFakeProvider({ stateDir: path.join(dir, 's'), videoPath: tinyMp4() });
    const first = await startVideo({ provider, prompt: 'one', outPath: path.join(dir, 'a.mp4') });
    const second = await startVideo({ provider, prompt: 'two', outPath: path.join(dir, 'b.mp4') });
    await expect(
      finishVideo(first.journal, { provider, outPath: path.join(dir, 'b.mp4') }),
    ).rejects.toMatchObject({
      code: 'journal_mismatch',
    });
    expect((await readJournal(second.journalPath))?.job?.id).toBe(second.job.id);
  });
});
