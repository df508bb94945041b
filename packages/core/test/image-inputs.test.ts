import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateVideo, InputFileError, solidPng } from '../src/index.js';
import { ffmpegImage, jpegMarkerAt, tinyPngDeclaring } from '../src/media/test-support/images.js';
import { createFakeProvider } from './support/fake-provider.js';
import { tempDir, tinyMp4, writeFixture } from './support/fixtures.js';

function setup() {
  const dir = tempDir();
  const provider = createFakeProvider({ stateDir: path.join(dir, 'state'), videoPath: tinyMp4() });
  const base = {
    provider,
    prompt: 'waves',
    outPath: path.join(dir, 'out.mp4'),
    poll: { initialIntervalMs: 5 },
  };
  return { dir, provider, base };
}

async function rejection(promise: Promise<unknown>): Promise<InputFileError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => {
      expect(InputFileError.isInstance(error), String(error)).toBe(true);
      return error as InputFileError;
    },
  );
}

const png = solidPng(64, 48);
const jpeg = ffmpegImage('real.jpg');

describe('images that only look valid are refused before submit', () => {
  it.each([
    ['a 58-byte PNG declaring 16000x16000', () => tinyPngDeclaring(16000, 16000), 'input_image_too_large'],
    ['a valid PNG cut after its header', () => png.subarray(0, 33), 'input_file_unreadable'],
    [
      'a JPEG without SOS',
      () => Buffer.concat([jpeg.subarray(0, jpegMarkerAt(jpeg, 0xda)), Buffer.from([0xff, 0xd9])]),
      'input_file_unreadable',
    ],
  ])('refuses %s (%s), with no submit', async (_name, make, code) => {
    const { dir, provider, base } = setup();
    const file = writeFixture(dir, 'image.png', make());
    const error = await rejection(generateVideo({ ...base, images: [file] }));
    expect(error.code).toBe(code);
    expect(error.path).toBe(file);
    expect(provider.calls.submit).toBe(0);
  });
});

describe('image URLs are checked by the download URL policy before submit', () => {
  it.each([
    ['firstFrame', 'https://169.254.169.254/latest/meta-data/'],
    ['images[0]', 'https://10.0.0.1/a.png'],
    ['referenceImages[0]', 'https://127.0.0.1/a.png'],
  ])('refuses %s = %s, with no submit', async (field, url) => {
    const { provider, base } = setup();
    const options =
      field === 'firstFrame'
        ? { firstFrame: url }
        : field === 'images[0]'
          ? { images: [url] }
          : { referenceImages: [url] };
    const error = await rejection(generateVideo({ ...base, ...options }));
    expect(error.code).toBe('input_url_refused');
    expect(error.message).toContain(field);
    expect(provider.calls.submit).toBe(0);
  });

  it('names the second untyped image images[1] when the first became the first frame', async () => {
    const { dir, base } = setup();
    const file = writeFixture(dir, 'a.png', png);
    const error = await rejection(generateVideo({ ...base, images: [file, 'https://[fd00::1]/b.png'] }));
    expect(error.message).toContain('images[1]');
  });

  it('accepts a loopback image URL with allowLoopbackDownloads', async () => {
    const { provider, base } = setup();
    await generateVideo({ ...base, firstFrame: 'http://127.0.0.1:9/a.png', allowLoopbackDownloads: true });
    expect(provider.calls.submit).toBe(1);
    expect(provider.lastRequest?.firstFrame).toMatchObject({ kind: 'url', url: 'http://127.0.0.1:9/a.png' });
  });
});

describe('real images still pass', () => {
  it.each([
    ['a solidPng', () => png],
    ['an ffmpeg JPEG', () => jpeg],
    ['an ffmpeg WebP', () => ffmpegImage('real.webp', ['-c:v', 'libwebp'])],
  ])('submits %s as the first frame', async (_name, make) => {
    const { dir, provider, base } = setup();
    const result = await generateVideo({ ...base, images: [writeFixture(dir, 'frame', make())] });
    expect(provider.calls.submit).toBe(1);
    expect(provider.lastRequest?.firstFrame).toMatchObject({ kind: 'bytes', width: 64, height: 48 });
    expect(result.path).toBe(base.outPath);
  });
});
