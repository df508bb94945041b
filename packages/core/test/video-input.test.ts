import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkVideoRequest,
  generateVideo,
  InputFileError,
  type ModelInfo,
  type ResolvedRequest,
  ValidationError,
  type VideoProvider,
} from '../src/index.js';
import { makeClip } from '../src/media/test-support/videos.js';
import { createFakeProvider, fakeModels } from './support/fake-provider.js';
import { tempDir, tinyMp4, writeFixture } from './support/fixtures.js';

const base = fakeModels[0]!;
const editModel: ModelInfo = {
  ...base,
  id: 'fake-edit',
  videoInput: {
    uses: ['edit'],
    required: true,
    mediaTypes: ['video/mp4'],
    urlSchemes: ['https'],
    maxDurationSeconds: 3,
    source: 'test',
  },
};
const extendModel: ModelInfo = {
  ...base,
  id: 'fake-extend',
  videoInput: {
    uses: ['extend'],
    mediaTypes: ['video/mp4', 'video/quicktime'],
    urlSchemes: ['gs'],
    maxTotalSeconds: 6,
    source: 'test',
  },
};

function setup() {
  const dir = tempDir();
  const fake = createFakeProvider({ stateDir: path.join(dir, 'state'), videoPath: tinyMp4() });
  const sent: ResolvedRequest[] = [];
  const provider: VideoProvider = {
    ...fake,
    models: [...fakeModels, editModel, extendModel],
    submit: (request, ctx) => {
      sent.push(request);
      return fake.submit(request, ctx);
    },
  };
  const options = {
    provider,
    prompt: 'waves',
    outPath: path.join(dir, 'out.mp4'),
    poll: { initialIntervalMs: 5 },
  };
  return { dir, fake, sent, options };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('generateVideo({ video })', () => {
  it('hands the loaded video to the provider with its header facts and use', async () => {
    const { dir, sent, options } = setup();
    const file = writeFixture(dir, 'in.mp4', makeClip({ seconds: 2 }));
    await generateVideo({ ...options, model: 'fake-edit', video: file });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.video).toMatchObject({ kind: 'bytes', mediaType: 'video/mp4', use: 'edit', path: file });
  });

  it('describes the video in a dry run, sending nothing', async () => {
    const { dir, fake, options } = setup();
    const file = writeFixture(dir, 'in.mp4', makeClip({ seconds: 2, width: 320, height: 180 }));
    const checked = await checkVideoRequest({ ...options, model: 'fake-edit', video: file });
    expect(checked.video).toMatchObject({
      use: 'edit',
      source: file,
      mediaType: 'video/mp4',
      width: 320,
      height: 180,
    });
    expect(checked.video?.durationSeconds).toBeCloseTo(2, 1);
    expect(fake.calls.submit).toBe(0);
  });

  it('refuses a video for a model that takes none, naming the models that do, with no submit', async () => {
    const { dir, fake, options } = setup();
    const file = writeFixture(dir, 'in.mp4', makeClip({ seconds: 2 }));
    const error = await rejection(generateVideo({ ...options, model: 'fake-1', video: file }));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues[0]).toMatchObject({ field: 'video' });
    expect((error as Error).message).toContain('fake-edit (edit), fake-extend (extend)');
    expect(fake.calls.submit).toBe(0);
  });

  it('refuses a model that needs a video when none is given', async () => {
    const { fake, options } = setup();
    const error = await rejection(generateVideo({ ...options, model: 'fake-edit' }));
    expect((error as ValidationError).issues.map((i) => i.field)).toEqual(['video']);
    expect(fake.calls.submit).toBe(0);
  });

  it('refuses a video longer than the model takes, with no submit', async () => {
    const { dir, fake, options } = setup();
    const file = writeFixture(dir, 'long.mp4', makeClip({ seconds: 5 }));
    const error = await rejection(generateVideo({ ...options, model: 'fake-edit', video: file }));
    expect((error as Error).message).toMatch(/is 5(\.\d+)? s long; fake-edit takes at most 3 s/);
    expect(fake.calls.submit).toBe(0);
  });

  it('refuses an extension that would pass the model total length', async () => {
    const { dir, fake, options } = setup();
    const file = writeFixture(dir, 'clip.mov', makeClip({ seconds: 4, format: 'mov' }));
    const error = await rejection(
      generateVideo({ ...options, model: 'fake-extend', video: file, durationSeconds: 4 }),
    );
    expect((error as Error).message).toContain('longer than the 6 s fake-extend can extend to');
    expect(fake.calls.submit).toBe(0);
  });

  it('refuses a QuickTime file where the model takes MP4 only', async () => {
    const { dir, options } = setup();
    const file = writeFixture(dir, 'clip.mov', makeClip({ seconds: 1, format: 'mov' }));
    const error = await rejection(generateVideo({ ...options, model: 'fake-edit', video: file }));
    expect((error as Error).message).toContain('is video/quicktime; fake-edit takes video/mp4');
  });

  it('refuses a file that is not a video, before any submit', async () => {
    const { dir, fake, options } = setup();
    const file = writeFixture(dir, 'page.mp4', '<html>oops</html>');
    const error = await rejection(generateVideo({ ...options, model: 'fake-edit', video: file }));
    expect(InputFileError.isInstance(error) && error.code).toBe('input_video_unsupported_type');
    expect(fake.calls.submit).toBe(0);
  });

  it('refuses a video option of the wrong type at the door', async () => {
    const { options } = setup();
    const error = await rejection(generateVideo({ ...options, model: 'fake-edit', video: 42 as never }));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('video');
  });

  it('journals the video path while the job runs', async () => {
    const { dir, options } = setup();
    const file = writeFixture(dir, 'in.mp4', makeClip({ seconds: 2 }));
    let journal: { request: { video?: unknown } } | undefined;
    await generateVideo({
      ...options,
      model: 'fake-edit',
      video: file,
      onProgress: (event) => {
        if (event.phase === 'running' || event.phase === 'queued') {
          journal ??= JSON.parse(readFileSync(`${options.outPath}.job.json`, 'utf8'));
        }
      },
    });
    expect(journal?.request.video).toBe(file);
  });
});
