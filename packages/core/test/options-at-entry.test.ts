import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkDownloadUrl,
  checkVideoRequest,
  downloadGeneration,
  forgetGeneration,
  generateVideo,
  getGeneration,
  listGenerations,
  resumeVideo,
  ValidationError,
} from '../src/index.js';
import { createFakeProvider } from './support/fake-provider.js';
import { PNG_1X1, tempDir, tinyMp4, writeFixture } from './support/fixtures.js';

function setup() {
  const dir = tempDir();
  const provider = createFakeProvider({ stateDir: path.join(dir, 'state'), videoPath: tinyMp4() });
  const outPath = path.join(dir, 'out.mp4');
  const base = { provider, prompt: 'waves', outPath, poll: { initialIntervalMs: 5 }, ledger: false as const };
  return { dir, provider, outPath, base };
}

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as ValidationError,
  );
}

function expectInvalidOption(error: ValidationError, field: string, text?: string): void {
  expect(ValidationError.isInstance(error)).toBe(true);
  expect(error.code).toBe('invalid_options');
  expect(error.issues.map((issue) => issue.field)).toContain(field);
  expect(error.message).toContain(field);
  if (text) expect(error.message).toContain(text);
}

describe('generateVideo validates every option before anything else', () => {
  it.each<[string, Record<string, unknown>, string, string?]>([
    ['outPath 42', { outPath: 42 }, 'outPath', 'number 42'],
    ['outPath with a NUL byte', { outPath: 'a\0b.mp4' }, 'outPath'],
    ['an empty outPath', { outPath: '' }, 'outPath'],
    ['images: [42]', { images: [42] }, 'images[0]', 'number 42'],
    ["images: 'a.png' (a string, not an array)", { images: 'a.png' }, 'images', 'wrap a single one'],
    ['referenceImages: [null]', { referenceImages: [null] }, 'referenceImages[0]'],
    ['firstFrame: {}', { firstFrame: {} }, 'firstFrame'],
    ['provider: null', { provider: null }, 'provider', 'null'],
    ['provider: an object that is not a provider', { provider: { id: 'x' } }, 'provider'],
    ['model: 7', { model: 7 }, 'model'],
    ["width: '1280'", { width: '1280', height: 720 }, 'width', 'string "1280"'],
    ["audio: 'yes'", { audio: 'yes' }, 'audio', 'not a string'],
    ["overwrite: 'false'", { overwrite: 'false' }, 'overwrite', 'string "false"'],
    ["allowLoopbackDownloads: 'true'", { allowLoopbackDownloads: 'true' }, 'allowLoopbackDownloads'],
    ['cancelRemoteOnAbort: 1', { cancelRemoteOnAbort: 1 }, 'cancelRemoteOnAbort'],
    ['maxDownloadBytes: NaN', { maxDownloadBytes: Number.NaN }, 'maxDownloadBytes', 'NaN'],
    ['maxDownloadBytes: -1', { maxDownloadBytes: -1 }, 'maxDownloadBytes', 'number -1'],
    ['maxDownloadBytes: Infinity', { maxDownloadBytes: Number.POSITIVE_INFINITY }, 'maxDownloadBytes'],
    ['timeoutMs: NaN', { timeoutMs: Number.NaN }, 'timeoutMs', 'NaN'],
    ['timeoutMs: -5', { timeoutMs: -5 }, 'timeoutMs'],
    ['timeoutMs: Infinity', { timeoutMs: Number.POSITIVE_INFINITY }, 'timeoutMs', 'Infinity'],
    ['timeoutMs: 1.5', { timeoutMs: 1.5 }, 'timeoutMs', 'whole number'],
    ['timeoutMs: 0', { timeoutMs: 0 }, 'timeoutMs'],
    ["fetch: 'curl'", { fetch: 'curl' }, 'fetch', 'a function'],
    ['onProgress: true', { onProgress: true }, 'onProgress', 'a function'],
    ['retry: { retries: -1 }', { retry: { retries: -1 } }, 'retry.retries'],
    ['retry: 3', { retry: 3 }, 'retry', 'an object'],
    ['poll: { multiplier: 0.5 }', { poll: { multiplier: 0.5 } }, 'poll.multiplier'],
    [
      'poll: { initialIntervalMs: NaN }',
      { poll: { initialIntervalMs: Number.NaN } },
      'poll.initialIntervalMs',
    ],
    [
      'limits: { maxConcurrentRequests: 0 }',
      { limits: { maxConcurrentRequests: 0 } },
      'limits.maxConcurrentRequests',
    ],
    ["providerOptions: { fake: 'x' }", { providerOptions: { fake: 'x' } }, 'providerOptions'],
    ['ledger: 42', { ledger: 42 }, 'ledger'],
    ['ledger: true', { ledger: true }, 'ledger'],
    ['prompt: 42', { prompt: 42 }, 'prompt'],
  ])('%s is a ValidationError naming the option, with no submit', async (_name, override, field, text) => {
    const { provider, outPath, base } = setup();
    const error = await rejection(generateVideo({ ...base, ...override } as never));
    expectInvalidOption(error, field, text);
    expect(provider.calls.submit).toBe(0);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
    expect(existsSync(`${outPath}.lock`)).toBe(false);
  });

  it('signal: {} (not an AbortSignal) is refused before any journal is written', async () => {
    const { provider, outPath, base } = setup();
    const error = await rejection(generateVideo({ ...base, signal: {} } as never));
    expectInvalidOption(error, 'signal', 'AbortSignal');
    expect(provider.calls.submit).toBe(0);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });

  it("overwrite: 'false' never replaces an existing file", async () => {
    const { provider, outPath, base } = setup();
    writeFixture(path.dirname(outPath), 'out.mp4', 'precious');
    const error = await rejection(generateVideo({ ...base, overwrite: 'false' } as never));
    expectInvalidOption(error, 'overwrite');
    expect(provider.calls.submit).toBe(0);
  });

  it('an unknown key is refused, with "did you mean" for a near miss: allowLoopback', async () => {
    const { provider, base } = setup();
    const error = await rejection(generateVideo({ ...base, allowLoopback: true } as never));
    expectInvalidOption(error, 'allowLoopback', 'did you mean allowLoopbackDownloads?');
    expect(provider.calls.submit).toBe(0);
  });

  it('an unknown key inside a nested option names its path and suggests the right one', async () => {
    const { provider, base } = setup();
    const error = await rejection(generateVideo({ ...base, retry: { retires: 2 } } as never));
    expectInvalidOption(error, 'retry.retires', 'did you mean retry.retries?');
    expect(provider.calls.submit).toBe(0);
  });

  it('an unknown key far from every option is refused without a suggestion', async () => {
    const { base } = setup();
    const error = await rejection(generateVideo({ ...base, zzzzqqq: 1 } as never));
    expectInvalidOption(error, 'zzzzqqq');
    expect(error.message).not.toContain('did you mean');
  });

  it('lists every bad option at once', async () => {
    const { base } = setup();
    const error = await rejection(
      generateVideo({ ...base, outPath: 1, timeoutMs: -1, overwrite: 'no' } as never),
    );
    expect(error.issues.map((issue) => issue.field).sort()).toEqual(['outPath', 'overwrite', 'timeoutMs']);
  });

  it('keeps every ImageInput form accepted: a path, a URL object and bytes', async () => {
    const { dir, base } = setup();
    const png = writeFixture(dir, 'ref.png', PNG_1X1);
    const checked = await checkVideoRequest({
      ...base,
      images: [png, new Uint8Array(PNG_1X1)],
      referenceImages: [new URL('https://example.com/ref.png')],
    });
    expect(checked.images.map((image) => image.role)).toEqual(['firstFrame', 'reference', 'reference']);
  });

  it('keeps options given as undefined accepted', async () => {
    const { base } = setup();
    const result = await generateVideo({
      ...base,
      timeoutMs: undefined,
      images: undefined,
      signal: undefined,
    });
    expect(result.bytes).toBeGreaterThan(0);
  });
});

describe('the other public entries validate their options too', () => {
  it('checkVideoRequest refuses an unknown key and a mistyped option', async () => {
    const { provider, base } = setup();
    expectInvalidOption(
      await rejection(checkVideoRequest({ ...base, outpath: 'x.mp4' } as never)),
      'outpath',
      'did you mean outPath?',
    );
    expectInvalidOption(await rejection(checkVideoRequest({ ...base, images: 'a.png' } as never)), 'images');
    expect(provider.calls.submit).toBe(0);
  });

  it('resumeVideo refuses a journalPath that is not a path and bad options before reading the journal', async () => {
    const { dir } = setup();
    expectInvalidOption(await rejection(resumeVideo(42 as never)), 'journalPath');
    const journal = path.join(dir, 'missing.mp4.job.json');
    expectInvalidOption(await rejection(resumeVideo(journal, { timeoutMs: Number.NaN })), 'timeoutMs');
    expectInvalidOption(await rejection(resumeVideo(journal, { model: 'x' } as never)), 'model');
  });

  it('downloadGeneration refuses bad options before looking up the generation', async () => {
    const { dir } = setup();
    const ledger = path.join(dir, 'ledger');
    mkdirSync(ledger);
    expectInvalidOption(
      await rejection(downloadGeneration('gen-1', { ledger, maxDownloadBytes: -1 })),
      'maxDownloadBytes',
    );
    expectInvalidOption(
      await rejection(downloadGeneration('gen-1', { ledger, allowLoopback: true } as never)),
      'allowLoopback',
      'allowLoopbackDownloads',
    );
  });
});

describe('the ledger functions validate their options', () => {
  it.each([
    ['a ledger that is not a path', { ledger: 42 }, 'ledger'],
    ['an unknown status', { status: 'paid' }, 'status'],
    ['an unknown status in a list', { status: ['downloaded', 'paid'] }, 'status'],
    ['a since that is not a date', { since: 'yesterday-ish' }, 'since'],
    ['a provider that is not a string', { provider: 7 }, 'provider'],
    ['an unknown key', { statuses: ['failed'] }, 'statuses'],
  ])('listGenerations refuses %s instead of answering []', async (_what, options, field) => {
    expectInvalidOption(await rejection(listGenerations(options as never)), field);
  });

  it('getGeneration and forgetGeneration refuse a ledger that is not a path', async () => {
    expectInvalidOption(await rejection(getGeneration('local_x', { ledger: 42 } as never)), 'ledger');
    expectInvalidOption(await rejection(forgetGeneration('local_x', { ledger: {} } as never)), 'ledger');
  });

  it('listGenerations still takes a status list and a Date', async () => {
    const ledger = path.join(setup().dir, 'ledger');
    await expect(
      listGenerations({ ledger, status: ['downloaded', 'failed'], since: new Date(0) }),
    ).resolves.toEqual([]);
  });
});

describe('the loopback refusal names the real option', () => {
  it('says allowLoopbackDownloads, the option generateVideo takes', () => {
    expect(() => checkDownloadUrl('http://127.0.0.1:8080/v.mp4')).toThrow(/allowLoopbackDownloads/);
  });
});
