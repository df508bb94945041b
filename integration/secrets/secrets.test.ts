// Secrets: a sentinel credential per provider (Veo both as an express API key and as an enterprise
// bearer token; Azure both as an api-key and as an Entra token) is sent to its loopback fake on
// every API call, yet never shows in an error (message, stack, cause chain, own fields, JSON,
// util.inspect), in the library log (a file at debug, VIDEO_GEN_LOG_FILE, logs/video_gen.log), in a
// journal, in the ledger, in a sequence manifest, or in any other file the run wrote: through the
// fault table of support/vendors.ts, an interrupted job and its resume, two-clip sequences (and a
// failing one), and vendors that quote the credential back in a job failure or a 401 body.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import {
  AuthenticationError,
  CancelledError,
  configureLogging,
  type GenerateVideoOptions,
  GenerationFailedError,
  generateVideo,
  resumeVideo,
  setLogSink,
} from '@video-gen/core';
import { createVeo3, type Veo3Config } from '@video-gen/provider-veo3';
import { generateSequence } from '@video-gen/stitching';
import { tinyMp4 } from '@video-gen/testing/loopback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMp4, listFiles, tempDir } from '../support/files.js';
import {
  type ExtraOptions,
  type Fault,
  type Harness,
  startVendor,
  type VendorId,
} from '../support/vendors.js';

/** One way of reaching a vendor: its provider, its credential, how the fake checks it. */
interface Variant {
  readonly name: string;
  readonly vendor: VendorId;
  /** The sentinel: unique, and shaped so that no built-in redaction pattern recognises it (no `sk-`, `Bearer`, `AIza`). */
  readonly secret: string;
  readonly extra: ExtraOptions;
  /** Whether the variant can download from storage (Veo express mode cannot read Cloud Storage). */
  readonly downloads: boolean;
  /** A model that takes a first frame, for the sequence. */
  readonly sequenceModel: string;
  /**
   * Whether the scenario of a vendor quoting the received credential in a 401 body runs here. It is
   * written against Veo's wire; echoed-credentials.test.ts covers sora2, azure-sora and runway.
   */
  readonly echo401: boolean;
}

const VARIANTS: readonly Variant[] = [
  {
    name: 'sora2',
    echo401: false,
    vendor: 'sora2',
    secret: 'test-SENTINEL-sora2-4f1c9a7e2b6d8035e1a4',
    extra: {},
    downloads: true,
    sequenceModel: 'sora-2',
  },
  {
    name: 'azure-sora',
    echo401: false,
    vendor: 'azure-sora',
    secret: 'test-SENTINEL-azure-sora-9b3e5d7f1a2c4e6b8d0f',
    extra: {},
    downloads: true,
    sequenceModel: 'sora-2',
  },
  {
    name: 'azure-sora-entra',
    echo401: false,
    vendor: 'azure-sora',
    secret: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test-SENTINEL-azure-entra-3c5e7a9b1d3f5a7c',
    extra: { azureAuth: 'entra' },
    downloads: true,
    sequenceModel: 'sora-2',
  },
  {
    name: 'veo3-enterprise',
    echo401: true,
    vendor: 'veo3',
    secret: 'ya29.test-SENTINEL-veo3-enterprise-6a8c0e2f4b1d3f5a7c9e',
    extra: { veoMode: 'enterprise' },
    downloads: true,
    sequenceModel: 'veo-3.1-generate-001',
  },
  {
    name: 'veo3-express',
    echo401: true,
    vendor: 'veo3',
    secret: 'test-SENTINEL-veo3-express-2d4f6a8c0e1b3d5f7a9c',
    extra: { veoMode: 'express' },
    downloads: false,
    sequenceModel: 'veo-3.1-generate-001',
  },
  {
    name: 'runway',
    echo401: false,
    vendor: 'runway',
    secret: 'key_test-SENTINEL-runway-8e0a2c4e6b9d1f3a5c7e',
    extra: {},
    downloads: true,
    sequenceModel: 'veo3.1',
  },
];
const SENTINELS = VARIANTS.map((variant) => variant.secret);

/** The faults each variant runs through `generateVideo` (download faults need a download). */
function faultsFor(variant: Variant): Fault[] {
  const common: Fault[] = [
    'rate-limit',
    'server-errors',
    'reset-poll',
    'job-failed',
    'moderation',
    'credits',
  ];
  const download: Fault[] = ['cut-download', 'html-download', 'expired-url'];
  return [...common, ...(variant.downloads ? download : []), 'bad-key'];
}

let root: string;
let logFile: string;
let ledger: string;
const previousHome = process.env.VIDEO_GEN_HOME;

/** Every error any run ended in, with where it came from. */
const errors: { readonly where: string; readonly error: unknown }[] = [];
/** Every harness used, with the secret its provider was built with. */
const used: { readonly where: string; readonly harness: Harness }[] = [];
/** Journals as they stood before `resumeVideo` consumed them. */
const journalSnapshots: { readonly where: string; readonly text: string }[] = [];

beforeAll(() => {
  root = tempDir('secrets');
  logFile = path.join(root, 'logs', 'video_gen.log');
  ledger = path.join(root, 'ledger');
  // generateSequence records its clips in the default ledger: keep it under the scanned folder.
  process.env.VIDEO_GEN_HOME = path.join(root, 'home');
  configureLogging({ file: logFile, level: 'debug' });
});

afterAll(() => {
  configureLogging({ file: false });
  if (previousHome === undefined) delete process.env.VIDEO_GEN_HOME;
  else process.env.VIDEO_GEN_HOME = previousHome;
});

/** Starts a variant's fake with `fault` and remembers it for the "keys were sent" check. */
async function start(
  variant: Variant,
  fault: Fault,
  extra: ExtraOptions = {},
  track = true,
): Promise<Harness> {
  const harness = await startVendor(variant.vendor, fault, {
    ...variant.extra,
    ...extra,
    secret: variant.secret,
  });
  if (track) used.push({ where: `${variant.name} ${fault}`, harness });
  return harness;
}

/** What `generateVideo` needs besides prompt and outPath, with the ledger turned on. */
function settings(harness: Harness): Partial<GenerateVideoOptions> {
  return { ...harness.options, provider: harness.provider, ledger };
}

/** Runs `work`, returning its error (or undefined) and recording it for the scan. */
async function caught(where: string, work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
    return undefined;
  } catch (error) {
    errors.push({ where, error });
    return error;
  }
}

/** Resumes a journal left behind, after keeping its text for the scan. */
async function resumeLeft(where: string, harness: Harness, outPath: string, byId: boolean): Promise<void> {
  const journal = `${outPath}.job.json`;
  expect(existsSync(journal), `${where}: a journal is left to resume`).toBe(true);
  journalSnapshots.push({ where, text: readFileSync(journal, 'utf8') });
  const result = await resumeVideo(journal, {
    // By registry id with its config, as a fresh process resumes; or with the provider value.
    ...(byId
      ? { provider: harness.provider.id, providerConfig: harness.config }
      : { provider: harness.provider }),
    ...(harness.options.fetch ? { fetch: harness.options.fetch } : {}),
    poll: harness.options.poll,
    retry: harness.options.retry,
    allowLoopbackDownloads: true,
    ledger,
  });
  expect(result.resumed).toBe(true);
  expect(isMp4(outPath)).toBe(true);
  expect(existsSync(journal)).toBe(false);
}

/** Runs one fault: success, or an error (and a resume when the journal stays). */
async function runFault(variant: Variant, fault: Fault, outDir: string): Promise<void> {
  const where = `${variant.name} ${fault}`;
  const harness = await start(variant, fault);
  try {
    const outPath = path.join(outDir, `${fault}.mp4`);
    const error = await caught(where, () =>
      generateVideo({ ...settings(harness), prompt: `secrets ${fault}`, outPath }),
    );
    if (error === undefined) {
      expect(isMp4(outPath), `${where}: the video`).toBe(true);
      return;
    }
    expect(error, `${where}: ${String(error)}`).toBeInstanceOf(Error);
    if (existsSync(`${outPath}.job.json`)) await resumeLeft(where, harness, outPath, false);
  } finally {
    await harness.close();
  }
}

/** A job interrupted mid-poll (the caller aborts): its journal stays; resumed or left behind. */
async function runInterrupted(variant: Variant, outDir: string, resume: boolean): Promise<void> {
  const label = resume ? 'interrupted then resumed' : 'interrupted and left';
  const where = `${variant.name} ${label}`;
  const harness = await start(variant, 'none');
  try {
    const outPath = path.join(outDir, resume ? 'interrupted.mp4' : 'left.mp4');
    const controller = new AbortController();
    const error = await caught(where, () =>
      generateVideo({
        ...settings(harness),
        prompt: `secrets ${label}`,
        outPath,
        signal: controller.signal,
        onProgress: (event) => {
          if (event.jobId && (event.phase === 'queued' || event.phase === 'running')) controller.abort();
        },
      }),
    );
    expect(CancelledError.isInstance(error), `${where}: ${String(error)}`).toBe(true);
    expect(existsSync(`${outPath}.job.json`)).toBe(true);
    if (resume) await resumeLeft(where, harness, outPath, true);
  } finally {
    await harness.close();
  }
}

/** A two-clip sequence (or a failing one) through generateSequence. */
async function runSequence(variant: Variant, outDir: string, fault: Fault): Promise<void> {
  const where = `${variant.name} sequence${fault === 'none' ? '' : ` ${fault}`}`;
  // Sora needs the boundary frame at the video's exact size: serve a 1280x720 video.
  const video = tinyMp4({ width: 1280, height: 720 });
  const harness = await start(variant, fault, { videosApi: { video }, veo: { video }, runway: { video } });
  try {
    const { poll, retry, fetch, allowLoopbackDownloads, width, height, durationSeconds } = harness.options;
    const error = await caught(where, () =>
      generateSequence({
        provider: harness.provider,
        model: variant.sequenceModel,
        clips: [{ prompt: 'A paper boat sets off' }, { prompt: 'The boat drifts into a drain' }],
        outDir,
        width: width ?? 1280,
        height: height ?? 720,
        durationSeconds: durationSeconds ?? 4,
        ...(poll ? { poll } : {}),
        ...(retry ? { retry } : {}),
        ...(fetch ? { fetch } : {}),
        ...(allowLoopbackDownloads ? { allowLoopbackDownloads } : {}),
        // Sora 2 is retired: the suite drives it through the documented opt-in.
        allowRetiredModels: true,
      }),
    );
    if (fault === 'none') {
      expect(error, `${where}: ${String(error)}`).toBeUndefined();
      expect(isMp4(path.join(outDir, 'clip-02.mp4'))).toBe(true);
    } else {
      expect(error, `${where} must fail`).toBeInstanceOf(Error);
    }
    expect(existsSync(path.join(outDir, 'sequence.json'))).toBe(true);
  } finally {
    await harness.close();
  }
}

/** The vendor's job fails with a message that quotes the credential (a careless vendor). */
async function runEchoedFailure(variant: Variant, outDir: string): Promise<void> {
  const where = `${variant.name} job failure quoting the key`;
  const message = `The render crashed; request authorised by ${variant.secret}.`;
  const harness = await start(variant, 'none', {
    videosApi: { outcome: { failed: { code: 'internal_error', message } } },
    veo: { outcome: 'operation-error', operationError: { code: 13, message } },
    runway: {
      sequence: [
        { status: 'RUNNING', progress: 0.5 },
        { status: 'FAILED', failure: message, failureCode: 'INTERNAL.BAD_OUTPUT.CODE01' },
      ],
    },
  });
  try {
    const outPath = path.join(outDir, 'echoed-failure.mp4');
    const error = await caught(where, () =>
      generateVideo({ ...settings(harness), prompt: 'secrets echoed failure', outPath }),
    );
    expect(GenerationFailedError.isInstance(error), `${where}: ${String(error)}`).toBe(true);
    // The vendor's words are kept (redacted), so the message still says what happened.
    expect((error as Error).message).toContain('The render crashed');
  } finally {
    await harness.close();
  }
}

/**
 * A `fetch` for the provider's SDK that answers the first POST (the submit) with a 401 whose body
 * quotes the credential the request carried, raw and as its header, in the vendor's error shape.
 */
function echoingFetch(vendor: VendorId, seen: string[]): typeof globalThis.fetch {
  let answered = false;
  return async (input, init) => {
    const request = new Request(input, init);
    if (answered || request.method !== 'POST') return globalThis.fetch(input, init);
    answered = true;
    const headers = request.headers;
    const authorization = headers.get('authorization') ?? '';
    const raw =
      headers.get('api-key') ?? headers.get('x-goog-api-key') ?? authorization.replace(/^Bearer /, '');
    seen.push(raw);
    const quoted = `Incorrect API key provided: ${raw} (you sent authorization: ${authorization})`;
    const body =
      vendor === 'veo3'
        ? { error: { code: 401, message: quoted, status: 'UNAUTHENTICATED' } }
        : vendor === 'runway'
          ? { error: quoted }
          : { error: { message: quoted, type: 'invalid_request_error', code: 'invalid_api_key' } };
    return new Response(JSON.stringify(body), {
      status: 401,
      headers: { 'content-type': 'application/json' },
    });
  };
}

/** The vendor answers the submit with a 401 quoting the credential it received. */
async function runEchoed401(variant: Variant, outDir: string): Promise<void> {
  const where = `${variant.name} 401 quoting the key`;
  // The fake never hears from this provider: the "vendor" is the echoing fetch.
  const harness = await start(variant, 'none', {}, false);
  try {
    const seen: string[] = [];
    const fetch = echoingFetch(variant.vendor, seen);
    const provider = createVeo3({ ...(harness.config as Veo3Config), fetch });
    const error = await caught(where, () =>
      generateVideo({
        ...settings(harness),
        provider,
        prompt: 'secrets echoed 401',
        outPath: path.join(outDir, 'echoed-401.mp4'),
      }),
    );
    expect(AuthenticationError.isInstance(error), `${where}: ${String(error)}`).toBe(true);
    expect((error as Error).message).toContain('Incorrect API key provided: [REDACTED]');
    expect(seen, `${where}: the submit carried the key`).toEqual([variant.secret]);
  } finally {
    await harness.close();
  }
}

/** Every sentinel found in `text`. */
function sentinelsIn(text: string): string[] {
  return SENTINELS.filter((secret) => text.includes(secret));
}

/** Every sentinel in a file's bytes (binary files included). */
function sentinelsInFile(file: string): string[] {
  const bytes = readFileSync(file);
  return SENTINELS.filter(
    (secret) => bytes.includes(Buffer.from(secret, 'utf8')) || bytes.includes(Buffer.from(secret, 'utf16le')),
  );
}

/** All the text an error exposes: message, stack, own fields, JSON, inspection, and the same for each cause. */
function errorSurfaces(error: unknown): { readonly surface: string; readonly text: string }[] {
  const out: { surface: string; text: string }[] = [];
  const json = (value: unknown): string => {
    try {
      return JSON.stringify(value) ?? '';
    } catch {
      return '';
    }
  };
  out.push({ surface: 'JSON.stringify', text: json(error) });
  out.push({
    surface: 'util.inspect',
    text: inspect(error, { depth: 12, showHidden: true, breakLength: 200 }),
  });
  out.push({ surface: 'String()', text: String(error) });
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    const at = depth === 0 ? 'error' : `cause^${depth}`;
    if (current instanceof Error) {
      out.push({ surface: `${at}.message`, text: current.message });
      out.push({ surface: `${at}.stack`, text: String(current.stack) });
      for (const [key, value] of Object.entries(current)) {
        out.push({ surface: `${at}.${key}`, text: typeof value === 'string' ? value : json(value) });
      }
      out.push({ surface: `${at} JSON`, text: json(current) });
      current = current.cause;
    } else {
      out.push({ surface: at, text: typeof current === 'string' ? current : json(current) });
      break;
    }
  }
  return out;
}

/** Leaks in one error: `surface: sentinel` lines. */
function errorLeaks(error: unknown): string[] {
  return errorSurfaces(error).flatMap(({ surface, text }) =>
    sentinelsIn(text).map((secret) => `${surface}: ${secret}`),
  );
}

describe('the leak detectors themselves', () => {
  it('find a sentinel planted in a nested cause, in a hidden field and in a file (text and UTF-16)', () => {
    const secret = SENTINELS[0]!;
    const inner = new Error(`vendor said ${secret}`);
    expect(errorLeaks(new Error('outer', { cause: new Error('middle', { cause: inner }) }))).toContain(
      `cause^2.message: ${secret}`,
    );
    const hidden = new Error('clean');
    Object.defineProperty(hidden, 'request', {
      value: { headers: { authorization: secret } },
      enumerable: false,
    });
    expect(errorLeaks(hidden).some((line) => line.startsWith('util.inspect'))).toBe(true);
    const dir = tempDir('secrets-detector');
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ key: secret }));
    writeFileSync(path.join(dir, 'b.bin'), Buffer.from(`\0\0${secret}\0`, 'utf16le'));
    expect(sentinelsInFile(path.join(dir, 'a.json'))).toEqual([secret]);
    expect(sentinelsInFile(path.join(dir, 'b.bin'))).toEqual([secret]);
  });
});

describe('secrets under faults: every provider, every fault, with logging at debug and a ledger', () => {
  for (const variant of VARIANTS) {
    it.concurrent(`${variant.name}: faults, an interrupted job and its resume, a sequence and a failing one`, async () => {
      const outDir = path.join(root, 'out', variant.name);
      mkdirSync(outDir, { recursive: true });
      await Promise.all([
        ...faultsFor(variant).map((fault) => runFault(variant, fault, outDir)),
        runInterrupted(variant, outDir, true),
        runEchoedFailure(variant, outDir),
        ...(variant.echo401 ? [runEchoed401(variant, outDir)] : []),
        runInterrupted(variant, outDir, false),
        runSequence(variant, path.join(root, 'sequences', variant.name), 'none'),
        runSequence(variant, path.join(root, 'sequences', `${variant.name}-failing`), 'job-failed'),
      ]);
    });
  }
});

describe('no sentinel anywhere', () => {
  it('every error: message, stack, every cause, own fields, JSON and inspection', () => {
    // 5 variants x (4-7 error faults + an interruption or two + a failing sequence)
    expect(errors.length).toBeGreaterThanOrEqual(VARIANTS.length * 6);
    const leaks = errors.flatMap(({ where, error }) => errorLeaks(error).map((leak) => `${where} → ${leak}`));
    expect(leaks).toEqual([]);
  });

  it('the library log (debug level) holds records of every provider and no sentinel', () => {
    const logs = listFiles(path.dirname(logFile)).map((name) => path.join(path.dirname(logFile), name));
    expect(logs.length).toBeGreaterThanOrEqual(1);
    const text = logs.map((file) => readFileSync(file, 'utf8')).join('');
    expect(text).toMatch(/ DEBUG /);
    for (const provider of ['sora2', 'azure-sora', 'veo3', 'runway']) expect(text).toContain(provider);
    expect(sentinelsIn(text)).toEqual([]);
  });

  it('every journal, left behind or consumed by a resume', () => {
    const all = listFiles(root).filter((name) => name.endsWith('.job.json'));
    // Each variant leaves its "interrupted and left" journal (and failing sequences may leave theirs).
    expect(all.length).toBeGreaterThanOrEqual(VARIANTS.length);
    expect(journalSnapshots.length).toBeGreaterThanOrEqual(VARIANTS.length * 2);
    const leaks = [
      ...all.flatMap((name) => sentinelsInFile(path.join(root, name)).map((s) => `${name}: ${s}`)),
      ...journalSnapshots.flatMap(({ where, text }) => sentinelsIn(text).map((s) => `${where}: ${s}`)),
    ];
    expect(leaks).toEqual([]);
  });

  it('every ledger record (generateVideo and generateSequence ledgers)', () => {
    const records = listFiles(root).filter((name) => /(^|\/)ledger\/[^/]+\.json$/.test(name));
    // One record per submitted job (each Veo fake numbers its operations from 1, so Veo's records
    // share ids and overwrite each other): many in the ledger, the sequences' clips in the home ledger.
    expect(records.filter((name) => name.startsWith('ledger/')).length).toBeGreaterThanOrEqual(20);
    expect(records.filter((name) => name.startsWith('home/')).length).toBeGreaterThanOrEqual(VARIANTS.length);
    // A failed job is recorded with the vendor's (redacted) reason.
    const failed = records
      .map(
        (name) =>
          JSON.parse(readFileSync(path.join(root, name), 'utf8')) as {
            status: string;
            error?: { message: string };
          },
      )
      .filter((record) => record.status === 'failed');
    expect(
      failed.some((record) =>
        record.error?.message.includes('The render crashed; request authorised by [REDACTED]'),
      ),
    ).toBe(true);
    const leaks = records.flatMap((name) =>
      sentinelsInFile(path.join(root, name)).map((s) => `${name}: ${s}`),
    );
    expect(leaks).toEqual([]);
  });

  it('every sequence manifest', () => {
    const manifests = listFiles(root).filter((name) => name.endsWith('sequence.json'));
    expect(manifests.length).toBe(VARIANTS.length * 2);
    const leaks = manifests.flatMap((name) =>
      sentinelsInFile(path.join(root, name)).map((s) => `${name}: ${s}`),
    );
    expect(leaks).toEqual([]);
  });

  it('every other file written under the temporary folders, binary ones as bytes', () => {
    const files = listFiles(root);
    expect(files.some((name) => name.endsWith('.mp4'))).toBe(true);
    expect(files.some((name) => name.endsWith('.png'))).toBe(true);
    const leaks = files.flatMap((name) => sentinelsInFile(path.join(root, name)).map((s) => `${name}: ${s}`));
    expect(leaks).toEqual([]);
  });

  it('the keys were still sent: every fake saw its sentinel on each create and status call', () => {
    expect(used.length).toBeGreaterThanOrEqual(VARIANTS.length * 10);
    const missing: string[] = [];
    for (const { where, harness } of used) {
      const carrying = harness
        .headers()
        .filter((headers) => Object.values(headers).some((v) => v.includes(harness.secret)));
      if (harness.creates() < 1 || carrying.length < harness.creates() + harness.polls()) {
        missing.push(
          `${where}: ${carrying.length} requests carried the key, ${harness.creates()} creates + ${harness.polls()} polls`,
        );
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the default log destinations', () => {
  it('VIDEO_GEN_LOG_FILE, also as the Python-parity logs/video_gen.log, stays free of every sentinel', async () => {
    const envLog = path.join(tempDir('secrets-env-log'), 'env.log');
    const cwd = tempDir('secrets-cwd');
    const previousFile = process.env.VIDEO_GEN_LOG_FILE;
    const previousCwd = process.cwd();
    const before = errors.length;
    const runAll = async (label: string) => {
      for (const variant of VARIANTS) {
        for (const fault of ['none', 'bad-key'] as const) {
          const harness = await start(variant, fault);
          try {
            await caught(`${variant.name} ${label} ${fault}`, () =>
              generateVideo({
                ...harness.options,
                provider: harness.provider,
                prompt: `secrets ${label}`,
                outPath: path.join(cwd, label, `${variant.name}-${fault}.mp4`),
              }),
            );
          } finally {
            await harness.close();
          }
        }
      }
    };
    try {
      process.env.VIDEO_GEN_LOG_FILE = envLog;
      setLogSink(null); // back to the environment's destination
      await runAll('env');
      process.env.VIDEO_GEN_LOG_FILE = 'logs/video_gen.log'; // the documented opt-in: the Python location
      process.chdir(cwd);
      setLogSink(null); // logs/video_gen.log under the working directory
      await runAll('default');
    } finally {
      process.chdir(previousCwd);
      if (previousFile === undefined) delete process.env.VIDEO_GEN_LOG_FILE;
      else process.env.VIDEO_GEN_LOG_FILE = previousFile;
      configureLogging({ file: false });
    }
    const defaultLog = path.join(cwd, 'logs', 'video_gen.log');
    for (const file of [envLog, defaultLog]) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).toMatch(/job submitted/);
      expect(sentinelsIn(text), file).toEqual([]);
    }
    const leaks = readdirSync(cwd, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .flatMap((entry) =>
        sentinelsInFile(path.join(entry.parentPath, entry.name)).map((s) => `${entry.name}: ${s}`),
      );
    expect(leaks).toEqual([]);
    expect(errors.length - before).toBe(VARIANTS.length * 2); // each bad key
    const errorLeaksFound = errors
      .slice(before)
      .flatMap(({ where, error }) => errorLeaks(error).map((leak) => `${where} → ${leak}`));
    expect(errorLeaksFound).toEqual([]);
  });
});
