// Hostile and malformed input, table-driven: each case ends in a clear typed error (or, for paths,
// in the documented behaviour), and nothing is ever written outside the output folder.
//
// Behaviour asserted here:
// - `outPath` is the caller's choice and is resolved like any path: `out/sub/../clip.mp4` writes
//   `out/clip.mp4`; no file appears anywhere but the resolved output and its `.part`/`.job.json`/`.lock`
//   siblings.
// - An `outPath` that is a symlink counts as an existing output (OutputExistsError without
//   `overwrite`); with `overwrite` the link itself is replaced, its target outside the folder is untouched.
// - Images are inputs: paths with `..` and symlinks are followed to read them; what they point at must
//   be a real PNG/JPEG/WebP by its bytes (the extension is ignored), else InputFileError.
// - Vendor-supplied download URLs must be https (loopback http only with allowLoopbackDownloads) and
//   never private-network, link-local or `javascript:`: DownloadError url_refused, and no request is
//   made to them (the download fetch is a spy).
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  DownloadError,
  type GenerateVideoOptions,
  generateVideo,
  InputFileError,
  OutputExistsError,
  ValidationError,
} from '@video-gen/core';
import { solidPng, startLoopbackServer } from '@video-gen/testing/loopback';
import { beforeAll, describe, expect, it } from 'vitest';
import { isMp4, listFiles, tempDir } from '../support/files.js';
import { type ExtraOptions, type Harness, startVendor, type VendorId } from '../support/vendors.js';

interface Case {
  readonly name: string;
  readonly vendor: VendorId;
  /** Fake options (a hostile download URL, say). */
  readonly fake?: (root: string) => ExtraOptions;
  /** The request, given the folder of inputs and the output folder. */
  readonly request: (dirs: { inputs: string; out: string; outside: string }) => Partial<GenerateVideoOptions>;
  readonly expect:
    | { readonly error: string; readonly check: (error: unknown) => boolean; readonly submits: 0 | 1 }
    | { readonly success: true; readonly output: (out: string) => string };
  /** The output URL is a loopback server that answers 302 to this address. */
  readonly redirectTo?: string;
  /** Files (relative to the out folder) that must exist afterwards, exactly. */
  readonly outFiles?: (out: string) => readonly string[];
}

const validation = (field: string) => ({
  error: `ValidationError on ${field}`,
  check: (e: unknown) =>
    ValidationError.isInstance(e) && e.issues.some((issue) => issue.field.startsWith(field)),
  submits: 0 as const,
});
const inputFile = (code: string) => ({
  error: `InputFileError ${code}`,
  check: (e: unknown) => InputFileError.isInstance(e) && e.code === code,
  submits: 0 as const,
});
const download = (code: string) => ({
  error: `DownloadError ${code}`,
  check: (e: unknown) => DownloadError.isInstance(e) && e.code === code,
  submits: 1 as const,
});

const HOSTILE_URLS = [
  'javascript:alert(document.cookie)',
  'http://10.0.0.5/video.mp4',
  'https://192.168.1.20/video.mp4',
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'https://[fd00::1]/video.mp4',
  'https://172.16.0.1/video.mp4',
];

const CASES: Case[] = [
  {
    name: 'a 1 MB prompt',
    vendor: 'sora2',
    request: () => ({ prompt: 'a'.repeat(1_000_000) }),
    expect: validation('prompt'),
  },
  {
    name: 'a prompt with NUL and escape characters',
    vendor: 'runway',
    request: () => ({ prompt: 'waves\u0000\u001b[31m at sunset' }),
    expect: validation('prompt'),
  },
  {
    name: 'a blank prompt',
    vendor: 'sora2',
    request: () => ({ prompt: ' \n\t ' }),
    expect: validation('prompt'),
  },
  {
    name: 'an absurd size (100000x100000)',
    vendor: 'sora2',
    request: () => ({ width: 100_000, height: 100_000 }),
    expect: validation('size'),
  },
  {
    name: 'a negative size',
    vendor: 'runway',
    request: () => ({ width: -1280, height: -720 }),
    expect: validation('size'),
  },
  {
    name: 'an absurd duration (1e9 s)',
    vendor: 'sora2',
    request: () => ({ durationSeconds: 1e9 }),
    expect: validation('durationSeconds'),
  },
  {
    name: 'a NaN duration',
    vendor: 'runway',
    request: () => ({ durationSeconds: Number.NaN }),
    expect: validation('durationSeconds'),
  },
  {
    name: 'an Infinity width',
    vendor: 'sora2',
    request: () => ({ width: Number.POSITIVE_INFINITY, height: 720 }),
    expect: validation('size'),
  },
  { name: 'a NaN seed', vendor: 'runway', request: () => ({ seed: Number.NaN }), expect: validation('seed') },
  {
    name: 'an Infinity fps',
    vendor: 'sora2',
    request: () => ({ fps: Number.POSITIVE_INFINITY }),
    expect: validation('fps'),
  },
  {
    name: 'a zero-byte image',
    vendor: 'sora2',
    request: ({ inputs }) => ({ firstFrame: path.join(inputs, 'empty.png') }),
    expect: inputFile('input_file_empty'),
  },
  {
    name: 'a truncated PNG',
    vendor: 'sora2',
    request: ({ inputs }) => ({ firstFrame: path.join(inputs, 'truncated.png') }),
    expect: inputFile('input_file_corrupt'),
  },
  {
    name: 'a text file named .png',
    vendor: 'runway',
    request: ({ inputs }) => ({ firstFrame: path.join(inputs, 'notes.png') }),
    expect: inputFile('input_file_unsupported_type'),
  },
  {
    name: 'an image path with .. that leads nowhere',
    vendor: 'sora2',
    request: ({ inputs }) => ({ firstFrame: path.join(inputs, '..', '..', 'no-such-dir', 'frame.png') }),
    expect: inputFile('input_file_missing'),
  },
  {
    name: 'an image symlink to a folder',
    vendor: 'sora2',
    request: ({ inputs }) => ({ firstFrame: path.join(inputs, 'link-to-dir.png') }),
    expect: inputFile('input_file_unreadable'),
  },
  {
    name: 'a PNG named .jpg behind a symlink and a .. segment: followed, typed by its bytes, accepted',
    vendor: 'sora2',
    request: ({ inputs }) => ({ firstFrame: path.join(inputs, 'sub', '..', 'link-to-frame.jpg') }),
    expect: { success: true, output: (out) => path.join(out, 'clip.mp4') },
  },
  {
    name: 'an outPath with .. segments: resolved, written inside the output folder',
    vendor: 'runway',
    request: ({ out }) => ({ outPath: path.join(out, 'sub', '..', 'clip.mp4') }),
    expect: { success: true, output: (out) => path.join(out, 'clip.mp4') },
    outFiles: () => ['clip.mp4', 'link.mp4'],
  },
  {
    name: 'an outPath that is a symlink to a file outside: OutputExistsError, target untouched',
    vendor: 'runway',
    request: ({ out }) => ({ outPath: path.join(out, 'link.mp4') }),
    expect: {
      error: 'OutputExistsError',
      check: (e) => OutputExistsError.isInstance(e),
      submits: 0,
    },
    outFiles: () => ['link.mp4'],
  },
  {
    name: 'an outPath symlink with overwrite: the link is replaced, its target outside untouched',
    vendor: 'runway',
    request: ({ out }) => ({ outPath: path.join(out, 'link.mp4'), overwrite: true }),
    expect: { success: true, output: (out) => path.join(out, 'link.mp4') },
    outFiles: () => ['link.mp4'],
  },
  ...HOSTILE_URLS.flatMap((url): Case[] => [
    {
      name: `a Runway output URL ${url}`,
      vendor: 'runway',
      fake: () => ({ runway: { outputUrl: url } }),
      request: () => ({}),
      expect: download('url_refused'),
    },
    {
      name: `an Azure content redirect to ${url}`,
      vendor: 'azure-sora',
      fake: () => ({ videosApi: { contentRedirect: url } }),
      request: () => ({}),
      expect: download('url_refused'),
    },
  ]),
  ...['http://10.1.2.3/video.mp4', 'javascript:alert(1)', 'http://169.254.169.254/latest/meta-data/'].map(
    (target): Case => ({
      name: `a Runway output URL that redirects to ${target}: refused at the redirect hop`,
      vendor: 'runway',
      redirectTo: target,
      request: () => ({}),
      expect: download('url_refused'),
    }),
  ),
  {
    name: 'a download over maxDownloadBytes (URL source): too_large, part removed',
    vendor: 'runway',
    request: () => ({ maxDownloadBytes: 1_000 }),
    expect: download('too_large'),
  },
  {
    name: 'a download over maxDownloadBytes (stream source): too_large, part removed',
    vendor: 'sora2',
    request: () => ({ maxDownloadBytes: 1_000 }),
    expect: download('too_large'),
  },
  {
    name: 'a download over maxDownloadBytes (Veo, Cloud Storage URL): too_large, part removed',
    vendor: 'veo3',
    fake: () => ({ veo: { outcome: 'gcs' } }),
    request: () => ({ maxDownloadBytes: 1_000 }),
    expect: download('too_large'),
  },
];

describe('hostile and malformed input', () => {
  let root: string;
  let inputs: string;
  let outside: string;

  beforeAll(() => {
    root = tempDir('hostile');
    inputs = path.join(root, 'inputs');
    outside = path.join(root, 'outside');
    mkdirSync(path.join(inputs, 'sub'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    const png = solidPng(1280, 720);
    writeFileSync(path.join(inputs, 'frame.png'), png);
    writeFileSync(path.join(inputs, 'empty.png'), new Uint8Array(0));
    writeFileSync(path.join(inputs, 'truncated.png'), png.subarray(0, 20));
    writeFileSync(path.join(inputs, 'notes.png'), 'not an image, just notes\n');
    symlinkSync(path.join(inputs, 'sub'), path.join(inputs, 'link-to-dir.png'));
    writeFileSync(path.join(outside, 'frame-really-a-png.jpg'), png);
    symlinkSync(path.join(outside, 'frame-really-a-png.jpg'), path.join(inputs, 'link-to-frame.jpg'));
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))('%s', async (_name, index) => {
    const c = CASES[index]!;
    const out = path.join(root, `out-${index}`);
    mkdirSync(out, { recursive: true });
    const target = path.join(outside, `precious-${index}.mp4`);
    writeFileSync(target, 'a file outside the output folder that must never change');
    symlinkSync(target, path.join(out, 'link.mp4'));
    const outsideBefore = listFiles(outside);
    const inputsBefore = listFiles(inputs);

    const redirector = c.redirectTo
      ? await startLoopbackServer((_request, response) => {
          response.writeHead(302, { location: c.redirectTo! }).end();
        })
      : undefined;
    const fake = redirector
      ? { runway: { outputUrl: `${redirector.url}/signed/video.mp4?sig=x` } }
      : c.fake?.(root);
    const harness: Harness = await startVendor(c.vendor, 'none', fake ?? {});
    const downloadsSeen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      downloadsSeen.push(input instanceof Request ? input.url : String(input));
      return (harness.options.fetch ?? globalThis.fetch)(input, init);
    };
    try {
      const run = generateVideo({
        ...harness.options,
        provider: harness.provider,
        prompt: 'hostile input',
        outPath: path.join(out, 'clip.mp4'),
        fetch: spy,
        ...c.request({ inputs, out, outside }),
      });
      if ('success' in c.expect) {
        const result = await run;
        expect(result.path).toBe(c.expect.output(out));
        expect(isMp4(result.path)).toBe(true);
        // A replaced symlink is now the video itself, not a link into another folder.
        expect(lstatSync(result.path).isSymbolicLink()).toBe(false);
        expect(harness.creates()).toBe(1);
      } else {
        const error = await run.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(c.expect.check(error), `expected ${c.expect.error}, got ${String(error)}`).toBe(true);
        expect(harness.creates()).toBe(c.expect.submits);
        expect(listFiles(out).filter((f) => f.endsWith('.part'))).toEqual([]);
      }
      // Never contacted: no download request went to a refused address.
      for (const url of downloadsSeen) {
        expect(HOSTILE_URLS.some((hostile) => url.startsWith(hostile))).toBe(false);
      }
      if (redirector) {
        // Only the first hop (the loopback redirector) was fetched; the target never was.
        expect(downloadsSeen.map((url) => new URL(url).origin)).toEqual([redirector.url]);
        expect(redirector.requests).toHaveLength(1);
      } else if (c.name.includes('output URL') || c.name.includes('content redirect')) {
        expect(downloadsSeen).toEqual([]);
      }
    } finally {
      await harness.close();
      await redirector?.close();
    }

    // Nothing written outside the output folder; the symlink's target unchanged.
    expect(listFiles(outside)).toEqual(outsideBefore);
    expect(listFiles(inputs)).toEqual(inputsBefore);
    expect(readFileSync(target, 'utf8')).toBe('a file outside the output folder that must never change');
    const expectedOut = c.outFiles?.(out);
    const files = listFiles(out).filter((f) => !f.endsWith('.job.json'));
    if (expectedOut) expect(files).toEqual([...expectedOut].sort());
    else expect(files.every((f) => ['clip.mp4', 'link.mp4'].includes(f))).toBe(true);
  });
});
