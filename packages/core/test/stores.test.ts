import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  finishVideo,
  type GenerationRecord,
  type GenerationStore,
  generateVideo,
  type Journal,
  type JournalStore,
  startVideo,
} from '../src/index.js';
import { createFakeProvider } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

/** A journal store in memory that logs every call, as a database-backed one would see them. */
function memoryJournals() {
  const kept = new Map<string, Journal>();
  const log: string[] = [];
  const store: JournalStore = {
    async read(journalPath) {
      log.push('read');
      return kept.get(journalPath);
    },
    async write(journalPath, journal) {
      log.push(`write ${journal.state}${journal.job ? ` ${journal.job.id}` : ''}`);
      kept.set(journalPath, structuredClone(journal));
    },
    async remove(journalPath) {
      log.push('remove');
      kept.delete(journalPath);
    },
  };
  return { store, kept, log };
}

function memoryLedger(): GenerationStore & { records: Map<string, GenerationRecord> } {
  const records = new Map<string, GenerationRecord>();
  return {
    records,
    async read(id) {
      return records.get(id);
    },
    async write(record) {
      records.set(record.id, record);
    },
    async all() {
      return [...records.values()];
    },
  };
}

describe('journal and ledger stores', () => {
  it('keeps the journal in the given store, not in a file, through every step of a generation', async () => {
    const dir = tempDir();
    const provider = createFakeProvider({
      stateDir: path.join(dir, 's'),
      videoPath: tinyMp4(),
      pollsUntilDone: 1,
    });
    const journals = memoryJournals();
    const ledger = memoryLedger();
    const outPath = path.join(dir, 'out', 'a.mp4');
    const result = await generateVideo({
      provider,
      prompt: 'waves',
      outPath,
      journalStore: journals.store,
      ledger,
      poll: { initialIntervalMs: 5 },
    });
    expect(result.path).toBe(outPath);
    expect(existsSync(outPath)).toBe(true);
    // No journal file beside the output at any point that outlived the run, and none now.
    expect(readdirSync(path.dirname(outPath)).filter((name) => name.endsWith('.job.json'))).toEqual([]);
    const written = journals.log.filter((entry) => entry.startsWith('write'));
    expect(written[0]).toBe('write submitting');
    // The submitted state, with the vendor's job id, is written before anything else happens.
    expect(written).toContain(`write submitted ${result.jobId}`);
    expect(written.at(-1)).toBe(`write downloaded ${result.jobId}`);
    expect(journals.log.at(-1)).toBe('remove');
    expect(journals.kept.size).toBe(0);
    // The ledger store received the generation's record and its end.
    const records = [...ledger.records.values()];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'downloaded', provider: provider.id, outPath });
  });

  it('resumes a job whose submitted journal sits in the store, never submitting again', async () => {
    const dir = tempDir();
    const stateDir = path.join(dir, 's');
    const journals = memoryJournals();
    const provider = createFakeProvider({ stateDir, videoPath: tinyMp4(), pollsUntilDone: 1 });
    const outPath = path.join(dir, 'a.mp4');
    const started = await startVideo({
      provider,
      prompt: 'waves',
      outPath,
      journalStore: journals.store,
      ledger: false,
    });
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
    expect(journals.kept.get(`${outPath}.job.json`)?.state).toBe('submitted');

    // Another process with the same store: the same call resumes the recorded job.
    const other = createFakeProvider({ stateDir, videoPath: tinyMp4(), pollsUntilDone: 1 });
    const result = await generateVideo({
      provider: other,
      prompt: 'waves',
      outPath,
      journalStore: journals.store,
      ledger: false,
      poll: { initialIntervalMs: 5 },
    });
    expect(result.resumed).toBe(true);
    expect(result.jobId).toBe(started.job.id);
    expect(other.calls.submit).toBe(0);
    expect(journals.kept.size).toBe(0);
  });

  it('finishVideo places a journal value into the given store', async () => {
    const dir = tempDir();
    const stateDir = path.join(dir, 's');
    const provider = createFakeProvider({ stateDir, videoPath: tinyMp4(), pollsUntilDone: 1 });
    const started = await startVideo({
      provider,
      prompt: 'waves',
      outPath: path.join(dir, 'a.mp4'),
      ledger: false,
    });
    const journals = memoryJournals();
    const outPath = path.join(dir, 'elsewhere', 'b.mp4');
    const result = await finishVideo(started.journal, {
      provider,
      outPath,
      journalStore: journals.store,
      ledger: false,
      poll: { initialIntervalMs: 5 },
    });
    expect(result.path).toBe(outPath);
    expect(provider.calls.submit).toBe(1);
    expect(journals.log).toContain(`write submitted ${started.job.id}`);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });

  it('refuses a journalStore or ledger that is not a store, before any vendor call', async () => {
    const dir = tempDir();
    const provider = createFakeProvider({ stateDir: path.join(dir, 's'), videoPath: tinyMp4() });
    await expect(
      generateVideo({ provider, prompt: 'x', journalStore: { read: () => undefined } as never }),
    ).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(
      generateVideo({ provider, prompt: 'x', ledger: { read() {} } as never }),
    ).rejects.toMatchObject({
      code: 'invalid_options',
    });
    expect(provider.calls.submit).toBe(0);
  });
});
