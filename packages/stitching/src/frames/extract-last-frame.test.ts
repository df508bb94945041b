import { execFileSync } from 'node:child_process';
import { chmod, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError, OutputExistsError } from '@video-gen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrame, ffmpeg, makeClip, rgbPixels, tempDir } from '../../test/media-helpers.js';
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

  it('decodes only the last half second of a 1280x720 clip and encodes one image: the same pixels as ffmpeg -update', async () => {
    const hd = makeClip(path.join(dir, 'hd.mp4'), { width: 1280, height: 720, fps: 30, seconds: 3 });
    // The earlier method, by hand: every frame of the last second PNG-encoded over one file.
    const byHand = path.join(dir, 'hd-by-hand.png');
    execFileSync(ffmpeg, [
      ...['-v', 'error', '-sseof', '-1', '-i', hd, '-map', '0:v:0', '-vsync', 'passthrough'],
      ...['-c:v', 'png', '-f', 'image2', '-update', '1', '-y', byHand],
    ]);
    // A wrapper that records the arguments ffmpeg is called with.
    const log = path.join(dir, 'ffmpeg-args.log');
    const wrapper = path.join(dir, 'ffmpeg-wrapper.sh');
    await writeFile(wrapper, `#!/bin/sh\necho "$@" >> '${log}'\nexec '${ffmpeg}' "$@"\n`);
    await chmod(wrapper, 0o755);

    const extracted = await extractLastFrame(hd, { outputDir: path.join(dir, 'hd'), ffmpegPath: wrapper });

    expect(rgbPixels(extracted).equals(rgbPixels(byHand))).toBe(true);
    expect(rgbPixels(extracted).equals(rgbPixels(decodeFrame(hd, -1, path.join(dir, 'hd-truth.png'))))).toBe(
      true,
    );
    const calls = (await readFile(log, 'utf8')).trim().split('\n');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain('-sseof -0.5');
    expect(calls[0]).toContain('-vf reverse -frames:v 1');
  });

  it.each([
    ['shorter than the first window (0.25 s)', { seconds: 0.25, fps: 12 }],
    ['at 1 fps, with no frame in the last half second', { seconds: 5, fps: 1 }],
  ])('finds the last frame of a clip %s', async (name, spec) => {
    const clip = makeClip(path.join(dir, `edge-${spec.fps}-${spec.seconds}.mp4`), spec);

    const extracted = await extractLastFrame(clip, { outputPath: path.join(dir, `${name}.png`) });

    const truth = rgbPixels(decodeFrame(clip, -1, path.join(dir, `${name}-truth.png`)));
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
