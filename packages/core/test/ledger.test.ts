import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  DownloadError,
  downloadGeneration,
  forgetGeneration,
  generateVideo,
  listGenerations,
  RetryExhaustedError,
} from '../src/index.js';
import { createFakeProvider, submitCount } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

const fast = { poll: { initialIntervalMs: 5 }, retry: { minDelayMs: 5, maxDelayMs: 10, retries: 1 } };
const run = promisify(execFile);

function setup() {
  const dir = tempDir();
  const stateDir = path.join(dir, 'state');
  const ledger = path.join(dir, 'ledger');
  return { dir, stateDir, ledger, outPath: path.join(dir, 'video.mp4') };
}

describe('generation ledger', () => {
  it('records a generation through to downloaded, with its request and usage', async () => {
    const { stateDir, ledger, outPath } = setup();
    const provider = createFakeProvider({ stateDir, videoPath: tinyMp4() });
    const result = await generateVideo({ provider, prompt: 'waves', outPath, ledger, ...fast });
    const [record, ...rest] = await listGenerations({ ledger });
    expect(rest).toEqual([]);
    expect(record).toMatchObject({
      id: `fake_${result.jobId}`,
      provider: 'fake',
      model: 'fake-1',
      status: 'downloaded',
      outPath,
      usage: { seconds: 4 },
      request: { prompt: 'waves', width: 1280, height: 720, durationSeconds: 4 },
    });
    // When the vendor finished, kept through the later update to downloaded: the poll schedule's prior.
    const finished = Date.parse(record?.succeededAt ?? '');
    expect(finished).toBeGreaterThanOrEqual(Date.parse(record?.job.createdAt ?? ''));
    expect(finished).toBeLessThanOrEqual(Date.parse(record?.updatedAt ?? ''));
  });

  it('lists a generation whose download failed as succeeded, and downloadGeneration completes it without a second submit', async () => {
    const { stateDir, ledger, outPath, dir } = setup();
    const broken = new DownloadError('connection reset', { code: 'truncated', retryable: true });
    const provider = createFakeProvider({
      stateDir,
      videoPath: tinyMp4(),
      errors: { download: [broken, broken, broken] },
    });
    const error = await generateVideo({ provider, prompt: 'waves', outPath, ledger, ...fast }).catch(
      (e: unknown) => e,
    );
    expect(RetryExhaustedError.isInstance(error)).toBe(true);
    const [record] = await listGenerations({ ledger, status: 'succeeded' });
    expect(record?.status).toBe('succeeded');

    const recovered = path.join(dir, 'recovered.mp4');
    const again = createFakeProvider({ stateDir, videoPath: tinyMp4() });
    const result = await downloadGeneration(record!.id, {
      ledger,
      outPath: recovered,
      provider: again,
      ...fast,
    });
    expect(again.calls.submit).toBe(0);
    expect(readFileSync(result.path).equals(readFileSync(tinyMp4()))).toBe(true);
    expect(submitCount(stateDir)).toBe(1);
    expect((await listGenerations({ ledger }))[0]?.status).toBe('downloaded');
  });

  it('marks a generation the vendor no longer holds as expired, with a clear error', async () => {
    const { stateDir, ledger, outPath, dir } = setup();
    const provider = createFakeProvider({ stateDir, videoPath: tinyMp4() });
    const result = await generateVideo({ provider, prompt: 'waves', outPath, ledger, ...fast });
    const expired = new DownloadError('410 Gone', { code: 'url_expired' });
    const { registerProvider, unregisterProvider } = await import('../src/index.js');
    registerProvider({
      id: 'fake',
      create: () =>
        createFakeProvider({ stateDir, videoPath: tinyMp4(), errors: { download: [expired, expired] } }),
    });
    try {
      const error = await downloadGeneration(`fake_${result.jobId}`, {
        ledger,
        outPath: path.join(dir, 'again.mp4'),
        ...fast,
      }).catch((e: unknown) => e);
      expect((error as DownloadError).code).toBe('generation_expired');
      expect((error as Error).message).toContain('no longer holds');
      expect((await listGenerations({ ledger }))[0]?.status).toBe('expired');
    } finally {
      unregisterProvider('fake');
    }
  });

  it('records failed generations, filters by status and provider, and forgets', async () => {
    const { stateDir, ledger, dir } = setup();
    const failing = createFakeProvider({ stateDir, videoPath: tinyMp4(), fail: true });
    await generateVideo({
      provider: failing,
      prompt: 'doomed',
      outPath: path.join(dir, 'a.mp4'),
      ledger,
      ...fast,
    }).catch(() => {});
    const [failed] = await listGenerations({ ledger, status: 'failed' });
    expect(failed?.error?.code).toBe('generation_failed');
    expect(await listGenerations({ ledger, provider: 'other' })).toEqual([]);
    expect(await listGenerations({ ledger, since: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(await forgetGeneration(failed!.id, { ledger })).toBe(true);
    expect(await listGenerations({ ledger })).toEqual([]);
  });

  it('warns, and still generates, when the ledger cannot be written', async () => {
    const { stateDir, dir, outPath } = setup();
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const provider = createFakeProvider({ stateDir, videoPath: tinyMp4() });
    const result = await generateVideo({
      provider,
      prompt: 'waves',
      outPath,
      ledger: path.join(blocker, 'ledger'),
      ...fast,
    });
    expect(existsSync(result.path)).toBe(true);
    expect(result.warnings).toEqual([expect.objectContaining({ feature: 'ledger', type: 'other' })]);
  });

  it('keeps both entries when two processes generate at once', async () => {
    const { stateDir, ledger, dir } = setup();
    const child = fileURLToPath(new URL('./support/ledger-child.ts', import.meta.url));
    const env = { ...process.env, NODE_NO_WARNINGS: '1' };
    await Promise.all(
      ['one', 'two', 'three'].map((name) =>
        run(
          process.execPath,
          [child, stateDir, tinyMp4(), path.join(dir, `${name}.mp4`), ledger, `prompt ${name}`],
          { env },
        ),
      ),
    );
    const records = await listGenerations({ ledger });
    expect(records.map((record) => record.request.prompt).sort()).toEqual([
      'prompt one',
      'prompt three',
      'prompt two',
    ]);
    expect(records.every((record) => record.status === 'downloaded')).toBe(true);
  });
});

describe('downloadGeneration housekeeping', () => {
  it('creates the output folder, and drops the interrupted journal of the same job at the original path', async () => {
    const { stateDir, ledger, outPath, dir } = setup();
    const broken = new DownloadError('connection reset', { code: 'truncated', retryable: true });
    const provider = createFakeProvider({
      stateDir,
      videoPath: tinyMp4(),
      errors: { download: [broken, broken, broken] },
    });
    await generateVideo({ provider, prompt: 'waves', outPath, ledger, ...fast }).catch(() => {});
    expect(existsSync(`${outPath}.job.json`)).toBe(true);
    const [record] = await listGenerations({ ledger });
    const recovered = path.join(dir, 'new', 'folder', 'recovered.mp4');
    await downloadGeneration(record!.id, {
      ledger,
      outPath: recovered,
      provider: createFakeProvider({ stateDir, videoPath: tinyMp4() }),
      ...fast,
    });
    expect(existsSync(recovered)).toBe(true);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });
});
