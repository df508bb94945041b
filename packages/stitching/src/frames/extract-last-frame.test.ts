import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError, OutputExistsError } from '@video-gen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, makeClip, rgbPixels, tempDir } from '../../test/media-helpers.js';
import { extractLastFrame, extractLastFrameAsPng } from './extract-last-frame.js';

let dir: string;
let video: string;
beforeAll(async () => {
  dir = await tempDir();
  // One keyframe for the whole clip: seeking from the end must still decode to the true last frame.
  video = makeClip(path.join(dir, 'counter.mp4'), { seconds: 3, fps: 12, gop: 1000 });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('extractLastFrame', () => {
  it('returns the true last frame: the same pixels as a full decode, not the frame before it', async () => {
    const extracted = await extractLastFrame(video, { outputDir: path.join(dir, 'frames') });

    expect(extracted).toBe(path.join(dir, 'frames', 'counter-last.png'));
    const truth = rgbPixels(decodeFrame(video, -1, path.join(dir, 'truth.png')));
    const beforeLast = rgbPixels(decodeFrame(video, 34, path.join(dir, 'frame-34.png')));
    expect(rgbPixels(extracted).equals(truth)).toBe(true);
    expect(beforeLast.equals(truth)).toBe(false);
  });

  it('finds the last video frame when the audio runs on seconds after the video ends', async () => {
    const longAudio = makeClip(path.join(dir, 'long-audio.mp4'), { seconds: 1, audioSeconds: 4 });

    const extracted = await extractLastFrame(longAudio, {
      outputPath: path.join(dir, 'long-audio-last.png'),
    });

    const truth = rgbPixels(decodeFrame(longAudio, -1, path.join(dir, 'long-audio-truth.png')));
    expect(rgbPixels(extracted).equals(truth)).toBe(true);
  });

  it('writes a JPEG when asked', async () => {
    const jpeg = await extractLastFrame(video, { outputDir: dir, format: 'jpeg' });

    expect(jpeg).toBe(path.join(dir, 'counter-last.jpg'));
    expect([...(await readFile(jpeg)).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('never replaces an existing image unless overwrite is set', async () => {
    const target = path.join(dir, 'existing.png');
    await writeFile(target, 'keep me');

    await expect(extractLastFrame(video, { outputPath: target })).rejects.toSatisfy((error) =>
      OutputExistsError.isInstance(error),
    );
    expect(await readFile(target, 'utf8')).toBe('keep me');

    await extractLastFrame(video, { outputPath: target, overwrite: true });
    expect((await readFile(target)).subarray(1, 4).toString()).toBe('PNG');
  });

  it.each([
    ['a missing file', 'missing.mp4', undefined, 'input_file_missing'],
    ['an empty file', 'empty.mp4', '', 'input_file_empty'],
    ['a file that is not a video', 'notes.mp4', 'just some text, not a video', 'input_file_not_video'],
  ])('refuses %s with an InputFileError', async (_, name, content, code) => {
    const file = path.join(dir, name);
    if (content !== undefined) await writeFile(file, content);

    const error = await extractLastFrame(file, { outputDir: dir }).catch((e: unknown) => e);

    expect(InputFileError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code, path: file });
    await expect(stat(path.join(dir, `${path.parse(name).name}-last.png`))).rejects.toThrow();
  });
});

describe('extractLastFrameAsPng (Python parity)', () => {
  it('writes <name>-last.png into the folder given', async () => {
    const png = await extractLastFrameAsPng(video, path.join(dir, 'parity'));

    expect(png).toBe(path.join(dir, 'parity', 'counter-last.png'));
    expect(rgbPixels(png).equals(rgbPixels(path.join(dir, 'truth.png')))).toBe(true);
  });
});
