import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobRef } from '../src/contract/job-ref.js';
import { generateVideo, listGenerations } from '../src/index.js';
import { generationId } from '../src/ledger/generation-record.js';
import { LedgerStore } from '../src/ledger/ledger-store.js';
import { createFakeProvider } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

const fast = { poll: { initialIntervalMs: 5, maxIntervalMs: 20 }, retry: { minDelayMs: 5, maxDelayMs: 20 } };

function setup() {
  const dir = tempDir();
  const provider = createFakeProvider({ stateDir: path.join(dir, 'state'), videoPath: tinyMp4() });
  const outPath = path.join(dir, 'video.mp4');
  const ledger = path.join(dir, 'ledger');
  return { dir, provider, outPath, ledger, base: { provider, prompt: 'waves', outPath, ledger, ...fast } };
}

describe('the finish window', () => {
  it('keeps the journal until the release, the ledger update and the lock release are done', async () => {
    const { provider, outPath, ledger, base } = setup();
    const seen: Record<string, unknown> = {};
    Object.assign(provider, {
      async release() {
        seen.atRelease = {
          out: existsSync(outPath),
          part: existsSync(`${outPath}.part`),
          journal: existsSync(`${outPath}.job.json`),
          lock: existsSync(`${outPath}.lock`),
        };
      },
    });
    const result = await generateVideo({
      ...base,
      onProgress: (event) => {
        if (event.phase !== 'done') return;
        seen.atDone = { journal: existsSync(`${outPath}.job.json`), lock: existsSync(`${outPath}.lock`) };
      },
    });
    // A kill during the release finds the journal (the re-run resumes it) beside the finished video.
    expect(seen.atRelease).toEqual({ out: true, part: false, journal: true, lock: true });
    expect(seen.atDone).toEqual({ journal: false, lock: false });
    const [record] = await listGenerations({ ledger });
    expect(record).toMatchObject({ status: 'downloaded', outPath, job: { id: result.jobId } });
  });

  it('a re-run after a kill between the rename and the ledger update completes the bookkeeping, with no new submit', async () => {
    const { provider, outPath, ledger, base } = setup();
    // Snapshot the files as a SIGKILL during the release would leave them.
    const snapshot: { journal?: string; ledger?: Record<string, string> } = {};
    Object.assign(provider, {
      async release() {
        snapshot.journal = readFileSync(`${outPath}.job.json`, 'utf8');
        snapshot.ledger = Object.fromEntries(
          readdirSync(ledger).map((name) => [name, readFileSync(path.join(ledger, name), 'utf8')]),
        );
      },
    });
    await generateVideo(base);
    writeFileSync(`${outPath}.job.json`, snapshot.journal ?? '');
    for (const [name, text] of Object.entries(snapshot.ledger ?? {}))
      writeFileSync(path.join(ledger, name), text);
    writeFileSync(`${outPath}.lock`, '2147483646'); // the killed process's lock
    expect(JSON.parse(snapshot.journal ?? '{}').state).toBe('downloaded');

    const result = await generateVideo(base);
    expect(result.resumed).toBe(true);
    expect(provider.calls.submit).toBe(1);
    expect(readFileSync(outPath).equals(readFileSync(tinyMp4()))).toBe(true);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
    expect(existsSync(`${outPath}.lock`)).toBe(false);
    expect(JSON.parse(readFileSync(path.join(ledger, readdirSync(ledger)[0] ?? ''), 'utf8')).status).toBe(
      'downloaded',
    );
  });

  it('listGenerations marks a succeeded generation whose video is in place (and no run in flight) as downloaded', async () => {
    const { dir, ledger } = setup();
    const job: JobRef = {
      provider: 'fake',
      model: 'fake-1',
      id: 'job-1234',
      createdAt: new Date().toISOString(),
    };
    const outPath = path.join(dir, 'done.mp4');
    const store = new LedgerStore(ledger);
    const record = {
      version: 1 as const,
      id: generationId(job),
      provider: 'fake',
      model: 'fake-1',
      job,
      status: 'succeeded' as const,
      request: { prompt: 'waves', model: 'fake-1', width: 1280, height: 720, fps: 24, durationSeconds: 4 },
      outPath,
      createdAt: new Date(Date.now() - 60_000).toISOString(),
      updatedAt: new Date(Date.now() - 60_000).toISOString(),
    };
    await store.write(record);
    // No video yet: still succeeded (paid, not downloaded).
    expect((await listGenerations({ ledger }))[0]?.status).toBe('succeeded');
    // A run in flight (its journal beside the output): left alone.
    mkdirSync(dir, { recursive: true });
    writeFileSync(outPath, readFileSync(tinyMp4()));
    writeFileSync(`${outPath}.job.json`, '{}');
    expect((await listGenerations({ ledger }))[0]?.status).toBe('succeeded');
    // The video in place and nothing in flight: a run killed before its ledger update. Reconciled, and saved.
    rmSync(`${outPath}.job.json`);
    expect((await listGenerations({ ledger }))[0]?.status).toBe('downloaded');
    expect((await store.read(record.id))?.status).toBe('downloaded');
  });
});
