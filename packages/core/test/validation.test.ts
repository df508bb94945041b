import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVideoRequest, generateVideo, InputFileError, ValidationError } from '../src/index.js';
import { createFakeProvider } from './support/fake-provider.js';
import { PNG_1X1, tempDir, tinyMp4, writeFixture } from './support/fixtures.js';

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

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('validation before any paid call', () => {
  it.each([
    [{ width: 1000, height: 500 }, 'size', '1280x720, 720x1280'],
    [{ durationSeconds: 5 }, 'durationSeconds', '4 s, 8 s'],
    [{ model: 'fake-text', fps: 90 }, 'fps', '1 fps to 60 fps'],
    [{ model: 'fake-text', fps: 0.5 }, 'fps', '1 fps to 60 fps'],
    [{ model: 'fake-9' }, 'model', 'fake-1, fake-text'],
    [{ width: 1280 }, 'height', 'both width and height'],
    [{ width: Number.NaN, height: 720 }, 'width', 'positive whole number'],
    [{ durationSeconds: Number.POSITIVE_INFINITY }, 'durationSeconds', '4 s, 8 s'],
    [{ prompt: '' }, 'prompt', 'non-empty'],
    [{ prompt: 'x'.repeat(101) }, 'prompt', 'at most 100'],
    [{ prompt: 'bad\u0007bell' }, 'prompt', 'control characters'],
    [{ seed: -1 }, 'seed', 'non-negative'],
  ])('refuses %o naming %s and what is allowed, with no submit', async (override, field, allowed) => {
    const { provider, base } = setup();
    const error = await rejection(generateVideo({ ...base, ...override }));
    expect(ValidationError.isInstance(error)).toBe(true);
    const issues = (error as ValidationError).issues;
    expect(issues.map((issue) => issue.field)).toContain(field);
    expect((error as Error).message).toContain(allowed);
    expect(provider.calls.submit).toBe(0);
  });

  it('lists every problem at once', async () => {
    const { base } = setup();
    const error = (await rejection(
      generateVideo({ ...base, width: 10, height: 10, durationSeconds: 3 }),
    )) as ValidationError;
    expect(error.issues.map((issue) => issue.field).sort()).toEqual(['durationSeconds', 'size']);
  });

  it('refuses a first frame on a model without one and names the models that take one', async () => {
    const { dir, provider, base } = setup();
    const image = writeFixture(dir, 'a.png', PNG_1X1);
    const error = await rejection(
      generateVideo({ ...base, model: 'fake-text', firstFrame: image, width: 640, height: 360 }),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('models of fake that do: fake-1');
    expect(provider.calls.submit).toBe(0);
  });

  it('refuses too many reference images', async () => {
    const { dir, base } = setup();
    const image = writeFixture(dir, 'a.png', PNG_1X1);
    const error = await rejection(generateVideo({ ...base, images: [image, image, image, image] }));
    expect((error as Error).message).toContain(
      '3 reference images given; fake-1 takes at most 2 reference images',
    );
  });

  it.each([
    ['missing', (dir: string) => path.join(dir, 'nope.png'), 'input_file_missing'],
    [
      'a folder',
      (dir: string) => {
        mkdirSync(path.join(dir, 'folder.png'));
        return path.join(dir, 'folder.png');
      },
      'input_file_unreadable',
    ],
    ['empty', (dir: string) => writeFixture(dir, 'empty.png', ''), 'input_file_empty'],
    [
      'text named .png',
      (dir: string) => writeFixture(dir, 'text.png', 'hello, not an image'),
      'input_file_unsupported_type',
    ],
    [
      'a truncated PNG',
      (dir: string) => writeFixture(dir, 'cut.png', PNG_1X1.subarray(0, 12)),
      'input_file_corrupt',
    ],
    [
      'a GIF',
      (dir: string) => writeFixture(dir, 'anim.gif', 'GIF89a\u0001\u0000\u0001\u0000'),
      'input_file_unsupported_type',
    ],
  ])('refuses an image that is %s with InputFileError', async (_name, make, code) => {
    const { dir, provider, base } = setup();
    const error = await rejection(generateVideo({ ...base, images: [make(dir)] }));
    expect(InputFileError.isInstance(error)).toBe(true);
    expect((error as InputFileError).code).toBe(code);
    expect(provider.calls.submit).toBe(0);
  });

  it('sends a valid request with defaults filled in and warns about ignored settings', async () => {
    const { dir, provider, base } = setup();
    const image = writeFixture(dir, 'photo.jpg.png', PNG_1X1);
    const result = await generateVideo({ ...base, images: [image], negativePrompt: 'blur', seed: 7 });
    const request = provider.lastRequest!;
    expect(request).toMatchObject({
      width: 1280,
      height: 720,
      fps: 24,
      durationSeconds: 4,
      seed: 7,
      negativePrompt: undefined,
    });
    expect(request.firstFrame).toMatchObject({ kind: 'bytes', mediaType: 'image/png', width: 1, height: 1 });
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported', feature: 'negativePrompt' }),
    ]);
  });

  it('warns, rather than fails, when a fixed-fps model is asked for another fps', async () => {
    const { provider, base } = setup();
    const result = await generateVideo({ ...base, fps: 30 });
    expect(provider.lastRequest?.fps).toBe(24);
    expect(result.fps).toBe(24);
    expect(result.warnings).toEqual([
      expect.objectContaining({ feature: 'fps', message: 'fake-1 renders at 24 fps; fps 30 is ignored' }),
    ]);
  });
});

describe('checkVideoRequest (dry run)', () => {
  it('returns the validated request with images by role and submits nothing', async () => {
    const { dir, provider, base } = setup();
    const image = writeFixture(dir, 'a.png', PNG_1X1);
    const checked = await checkVideoRequest({ ...base, images: [image, image], negativePrompt: 'x' });
    expect(checked).toMatchObject({
      provider: 'fake',
      model: 'fake-1',
      width: 1280,
      height: 720,
      fps: 24,
      durationSeconds: 4,
    });
    expect(checked.images.map((i) => i.role)).toEqual(['firstFrame', 'reference']);
    expect(checked.warnings).toHaveLength(1);
    expect(provider.calls.submit).toBe(0);
  });

  it('throws the same ValidationError as generateVideo', async () => {
    const { base } = setup();
    await expect(checkVideoRequest({ ...base, durationSeconds: 3 })).rejects.toSatisfy((e: unknown) =>
      ValidationError.isInstance(e),
    );
  });
});
