import { execFileSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg, ffprobe, makeClip, tempDir } from '../../test/media-helpers.js';
import { ffprobeClip } from './probe-clip.js';
import { readMp4Clip } from './read-mp4-clip.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Re-muxes a clip with ffmpeg's `+faststart` (moov before mdat) or into another container. */
function remux(source: string, target: string, extra: readonly string[] = []): string {
  execFileSync(ffmpeg, ['-v', 'error', '-i', source, '-c', 'copy', ...extra, '-y', target]);
  return target;
}

/**
 * The duration is the movie header's, which counts AAC's priming samples (about 21 ms at 48 kHz)
 * that ffprobe's edit-list-aware figure leaves out: compared apart, within 50 ms.
 */
function withoutDuration<T extends { durationSeconds: number }>(info: T) {
  const { durationSeconds: _, ...rest } = info;
  return rest;
}

describe('readMp4Clip', () => {
  it.each([
    [
      '1280x720 H.264 at 30 fps with AAC audio',
      { width: 1280, height: 720, fps: 30, seconds: 1, audioSeconds: 1 },
    ],
    ['160x96 H.264 at 12 fps, silent', { fps: 12, seconds: 2 }],
    ['odd 25 fps with audio longer than the video', { fps: 25, seconds: 1, audioSeconds: 2 }],
  ])('reads the same values as ffprobe: %s', async (name, spec) => {
    const clip = makeClip(path.join(dir, `${name.replaceAll(/\W+/g, '-')}.mp4`), spec);

    const ours = await readMp4Clip(clip);
    const theirs = await ffprobeClip(clip, ffprobe);

    expect(ours).toBeDefined();
    expect(withoutDuration(ours!)).toEqual(withoutDuration(theirs));
    expect(Math.abs(ours!.durationSeconds - theirs.durationSeconds)).toBeLessThan(0.05);
  });

  it('reads a file whose moov comes before mdat (+faststart) the same way', async () => {
    const clip = makeClip(path.join(dir, 'late-moov.mp4'), { seconds: 1, audioSeconds: 1 });
    const early = remux(clip, path.join(dir, 'early-moov.mp4'), ['-movflags', '+faststart']);

    expect(withoutDuration((await readMp4Clip(early))!)).toEqual(
      withoutDuration({ ...(await ffprobeClip(early, ffprobe)) }),
    );
  });

  it('reads a High 4:4:4 clip’s pixel format from its avcC, as ffprobe does', async () => {
    const clip = path.join(dir, 'yuv444.mp4');
    execFileSync(ffmpeg, [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=160x96:r=12:d=1'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv444p', '-y', clip],
    ]);

    const ours = await readMp4Clip(clip);

    expect(ours?.video).toMatchObject({ pixelFormat: 'yuv444p', profile: 'High 4:4:4 Predictive' });
    expect(withoutDuration(ours!)).toEqual(withoutDuration(await ffprobeClip(clip, ffprobe)));
  });

  it('leaves files it does not cover to ffprobe: another container, a fragmented MP4, not a video', async () => {
    const clip = makeClip(path.join(dir, 'plain.mp4'), { seconds: 1 });
    const mkv = remux(clip, path.join(dir, 'clip.mkv'));
    const fragmented = remux(clip, path.join(dir, 'fragmented.mp4'), [
      '-movflags',
      'frag_keyframe+empty_moov',
    ]);
    const text = path.join(dir, 'text.mp4');
    await writeFile(text, 'not a video at all');

    expect(await readMp4Clip(mkv)).toBeUndefined();
    expect(await readMp4Clip(fragmented)).toBeUndefined();
    expect(await readMp4Clip(text)).toBeUndefined();
    expect(await readMp4Clip(path.join(dir, 'missing.mp4'))).toBeUndefined();
  });
});
