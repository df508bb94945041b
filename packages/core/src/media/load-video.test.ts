import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelVideoInput } from '../contract/video-input.js';
import { InputFileError } from '../errors/input-file-error.js';
import { loadVideo } from './load-video.js';
import { makeClip } from './test-support/videos.js';
import { readVideoHeader } from './video-header.js';

const HTTPS_ONLY: ModelVideoInput = {
  uses: ['edit'],
  mediaTypes: ['video/mp4'],
  urlSchemes: ['https'],
  source: 'test',
};
const GS_ONLY: ModelVideoInput = {
  uses: ['extend'],
  mediaTypes: ['video/mp4'],
  urlSchemes: ['gs'],
  source: 'test',
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'video-gen-load-video-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<InputFileError> {
  try {
    await promise;
  } catch (error) {
    expect(InputFileError.isInstance(error)).toBe(true);
    return error as InputFileError;
  }
  throw new Error('expected an InputFileError');
}

describe('readVideoHeader', () => {
  it('reads duration and size of a faststart MP4 from mvhd and tkhd', () => {
    const header = readVideoHeader(makeClip({ seconds: 2, width: 320, height: 180 }));
    expect(header).toMatchObject({ mediaType: 'video/mp4', width: 320, height: 180 });
    expect(header?.durationSeconds).toBeCloseTo(2, 1);
  });

  it('reads an MP4 whose moov box comes after mdat', () => {
    const header = readVideoHeader(makeClip({ seconds: 3, format: 'moov-at-end' }));
    expect(header?.durationSeconds).toBeCloseTo(3, 1);
  });

  it('recognises a QuickTime MOV by its qt brand', () => {
    const header = readVideoHeader(makeClip({ seconds: 1, format: 'mov' }));
    expect(header?.mediaType).toBe('video/quicktime');
    expect(header?.durationSeconds).toBeCloseTo(1, 1);
  });

  it('returns undefined for bytes that are not an ISO base media file', () => {
    expect(readVideoHeader(new TextEncoder().encode('<!DOCTYPE html><html></html>'))).toBeUndefined();
  });
});

describe('loadVideo', () => {
  it('loads a file and keeps its path, header facts and the model use', async () => {
    const file = join(dir, 'clip.mp4');
    await writeFile(file, makeClip({ seconds: 2 }));
    const video = await loadVideo(file, { accepts: HTTPS_ONLY });
    expect(video).toMatchObject({
      kind: 'bytes',
      mediaType: 'video/mp4',
      width: 160,
      height: 90,
      use: 'edit',
      path: file,
    });
  });

  it('refuses a missing file with input_file_missing', async () => {
    const error = await failure(loadVideo(join(dir, 'nope.mp4'), { accepts: HTTPS_ONLY }));
    expect(error.code).toBe('input_file_missing');
  });

  it('refuses a PNG named .mp4 with input_video_unsupported_type', async () => {
    const file = join(dir, 'fake.mp4');
    await writeFile(file, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const error = await failure(loadVideo(file, { accepts: HTTPS_ONLY }));
    expect(error.code).toBe('input_video_unsupported_type');
  });

  it('refuses an MP4 cut before its movie header with input_video_corrupt', async () => {
    const whole = makeClip({ seconds: 2, format: 'moov-at-end' });
    const error = await failure(loadVideo(whole.subarray(0, 2000), { accepts: HTTPS_ONLY }));
    expect(error.code).toBe('input_video_corrupt');
  });

  it('measures a fragmented MP4 without a declared length with ffprobe', async () => {
    const clip = makeClip({ seconds: 2, format: 'fragmented-mp4' });
    expect(readVideoHeader(clip)).toMatchObject({ durationSeconds: undefined, fragmented: true });
    const video = await loadVideo(clip, { accepts: HTTPS_ONLY });
    expect(video.kind === 'bytes' && video.durationSeconds).toBeCloseTo(2, 1);
  });

  it('refuses an empty file with input_file_empty', async () => {
    const error = await failure(loadVideo(new Uint8Array(0), { accepts: HTTPS_ONLY }));
    expect(error.code).toBe('input_file_empty');
  });

  it('refuses a file larger than the model takes before reading it', async () => {
    const file = join(dir, 'big.mp4');
    await writeFile(file, makeClip({ seconds: 2 }));
    const error = await failure(loadVideo(file, { accepts: { ...HTTPS_ONLY, maxBytes: 100 } }));
    expect(error.code).toBe('input_file_too_large');
  });

  it('passes an https URL through the image URL policy', async () => {
    const video = await loadVideo('https://cdn.example.com/in.mp4', { accepts: HTTPS_ONLY });
    expect(video).toEqual({
      kind: 'url',
      url: 'https://cdn.example.com/in.mp4',
      use: 'edit',
      source: 'https://cdn.example.com/in.mp4',
    });
    const error = await failure(loadVideo('https://169.254.169.254/latest', { accepts: HTTPS_ONLY }));
    expect(error.code).toBe('input_url_refused');
  });

  it('takes gs:// URIs only where the model reads Cloud Storage', async () => {
    expect(await loadVideo('gs://bucket/clips/a.mp4', { accepts: GS_ONLY })).toMatchObject({
      kind: 'url',
      url: 'gs://bucket/clips/a.mp4',
      use: 'extend',
    });
    expect((await failure(loadVideo('gs://bucket/a.mp4', { accepts: HTTPS_ONLY }))).code).toBe(
      'input_file_unsupported_url',
    );
    expect((await failure(loadVideo('https://cdn.example.com/a.mp4', { accepts: GS_ONLY }))).code).toBe(
      'input_file_unsupported_url',
    );
  });
});
