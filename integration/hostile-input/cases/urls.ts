// URLs (issue 14 item 9): vendor-supplied download URLs and every image URL the library hands to a
// vendor or fetches itself go through one policy: https only, never a private, link-local or
// loopback address (loopback only with allowLoopbackDownloads), and a refused URL is never fetched.
import { DownloadError } from '@video-gen/core';
import { startLoopbackServer } from '@video-gen/testing/loopback';
import { expect } from 'vitest';
import type { VendorId } from '../../support/vendors.js';
import { type Expectation, type HostileCase, inputFile, success } from '../case.js';
import { gen } from './calls.js';

const download = (code: string): Expectation => ({
  kind: 'error',
  label: `DownloadError ${code}`,
  check: (e) => DownloadError.isInstance(e) && e.code === code,
  submits: 1,
});

const HOSTILE_DOWNLOAD_URLS = [
  'javascript:alert(document.cookie)',
  'http://10.0.0.5/video.mp4',
  'https://192.168.1.20/video.mp4',
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'https://[fd00::1]/video.mp4',
  'https://172.16.0.1/video.mp4',
  'file:///etc/passwd',
  'https://user:secret@cdn.example.com/video.mp4',
];

const neverFetched = (_dirs: unknown, seen: { downloads: readonly string[] }) => {
  expect(seen.downloads.filter((url) => HOSTILE_DOWNLOAD_URLS.some((bad) => url.startsWith(bad)))).toEqual(
    [],
  );
};

/** A loopback server that answers 302 to `target`; the target must never be fetched. */
function redirectingTo(target: string) {
  return async () => {
    const server = await startLoopbackServer((_request, response) => {
      response.writeHead(302, { location: target }).end();
    });
    return {
      options: { runway: { outputUrl: `${server.url}/signed/video.mp4?sig=x` } },
      verify: (downloads: readonly string[]) => {
        expect(downloads.map((url) => new URL(url).origin)).toEqual([server.url]);
        expect(server.requests).toHaveLength(1);
      },
      close: () => server.close(),
    };
  };
}

const HOSTILE_IMAGE_URLS = [
  'https://169.254.169.254/latest/meta-data/frame.png',
  'https://10.0.0.1/frame.png',
  'https://127.0.0.1/frame.png',
  'https://192.168.0.10/frame.png',
  'https://172.31.255.1/frame.png',
  'https://[::1]/frame.png',
  'https://[fe80::1]/frame.png',
  'https://[fd12:3456::1]/frame.png',
  'https://[::ffff:169.254.169.254]/frame.png',
  'https://0.0.0.0/frame.png',
  'https://localhost/frame.png',
  'https://2130706433/frame.png', // 127.0.0.1 as one decimal number
  'https://0x7f000001/frame.png', // 127.0.0.1 in hex
  'https://0177.0.0.1/frame.png', // 127.0.0.1 in octal
  'https://169.254.169.254.nip.io.:443@10.0.0.1/frame.png', // user info hiding the host
];

const refusedImage = inputFile('input_url_refused');

/** Loopback image URLs are refused without the opt-in (the harness turns it on for the fake). */
const noOptIn = { allowLoopbackDownloads: false };

const imageUrlCase = (
  vendor: VendorId,
  url: string,
  as: 'firstFrame' | 'images' = 'firstFrame',
): HostileCase => ({
  name: `an image URL ${url} on ${vendor} (${as})`,
  vendor,
  run: gen({ ...(as === 'images' ? { images: [url] } : { firstFrame: url }), ...noOptIn }),
  expect: refusedImage,
});

export const URL_CASES: readonly HostileCase[] = [
  ...HOSTILE_DOWNLOAD_URLS.flatMap((url): HostileCase[] => [
    {
      name: `a Runway output URL ${url}`,
      vendor: 'runway',
      fake: { runway: { outputUrl: url } },
      run: gen({}),
      expect: download('url_refused'),
      after: neverFetched,
    },
    {
      name: `an Azure content redirect to ${url}`,
      vendor: 'azure-sora',
      fake: { videosApi: { contentRedirect: url } },
      run: gen({}),
      expect: download('url_refused'),
      after: neverFetched,
    },
  ]),
  ...['http://10.1.2.3/video.mp4', 'javascript:alert(1)', 'http://169.254.169.254/latest/meta-data/'].map(
    (target): HostileCase => ({
      name: `a Runway output URL that redirects to ${target}: refused at the redirect hop`,
      vendor: 'runway',
      fake: redirectingTo(target),
      run: gen({}),
      expect: download('url_refused'),
    }),
  ),
  {
    name: 'a Runway output URL on loopback without allowLoopbackDownloads: refused, the job kept',
    vendor: 'runway',
    run: gen({ allowLoopbackDownloads: false }),
    expect: download('url_refused'),
  },
  {
    name: 'a download over maxDownloadBytes (URL source): too_large, part removed',
    vendor: 'runway',
    run: gen({ maxDownloadBytes: 1_000 }),
    expect: download('too_large'),
  },
  {
    name: 'a download over maxDownloadBytes (stream source): too_large, part removed',
    vendor: 'sora2',
    run: gen({ maxDownloadBytes: 1_000 }),
    expect: download('too_large'),
  },
  {
    name: 'a download over maxDownloadBytes (Veo, Cloud Storage URL): too_large, part removed',
    vendor: 'veo3',
    fake: { veo: { outcome: 'gcs' } },
    run: gen({ maxDownloadBytes: 1_000 }),
    expect: download('too_large'),
  },
  ...HOSTILE_IMAGE_URLS.map((url) => imageUrlCase('runway', url)),
  imageUrlCase('runway', 'https://10.0.0.1/frame.png', 'images'),
  imageUrlCase('runway', 'https://169.254.169.254/frame.png', 'images'),
  imageUrlCase('sora2', 'https://169.254.169.254/latest/meta-data/frame.png'),
  imageUrlCase('sora2', 'https://10.0.0.1/frame.png'),
  imageUrlCase('veo3', 'https://169.254.169.254/latest/meta-data/frame.png'),
  imageUrlCase('veo3', 'https://127.0.0.1/frame.png'),
  {
    name: 'an image URL given as a URL object on a private address',
    vendor: 'runway',
    run: gen({ firstFrame: new URL('https://10.0.0.1/frame.png'), ...noOptIn }),
    expect: refusedImage,
  },
  {
    name: 'a private image URL even with allowLoopbackDownloads',
    vendor: 'runway',
    run: gen({ firstFrame: 'https://10.0.0.1/frame.png', allowLoopbackDownloads: true }),
    expect: refusedImage,
  },
  {
    name: 'a public https image URL on Runway: handed to the vendor',
    vendor: 'runway',
    run: gen({ firstFrame: 'https://images.example.com/frame.png' }),
    expect: success(),
  },
];
