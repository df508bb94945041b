import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OutputExistsError } from '@video-gen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpeg, ffprobe, makeClip, probe, tempDir } from '../../test/media-helpers.js';
import { concatClips } from './concat-clips.js';

let dir: string;
let silent: string[];
let loud: string[];
beforeAll(async () => {
  dir = await tempDir();
  silent = [1, 2, 3].map((n) => makeClip(path.join(dir, `silent-${n}.mp4`), { seconds: 1, fps: 12 }));
  loud = [1, 2].map((n) =>
    makeClip(path.join(dir, `loud-${n}.mp4`), { seconds: 1, fps: 12, audioSeconds: 1 }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('concatClips', () => {
  it('copies the streams of matching clips: every frame kept, nothing re-encoded', async () => {
    const joined = await concatClips(silent, path.join(dir, 'copied.mp4'));

    expect(joined).toMatchObject({ mode: 'copy', reasons: [], audio: false, warnings: [] });
    expect(probe(joined.path)).toMatchObject({ frames: 36, width: 160, height: 96 });
  });

  it('drops the first frame of each following clip, by re-encoding', async () => {
    const joined = await concatClips(silent, path.join(dir, 'seamless.mp4'), { dropBoundaryFrame: true });

    expect(joined.mode).toBe('reencode');
    const info = probe(joined.path);
    expect(info.frames).toBe(36 - 2);
    expect(Math.abs(info.duration - (3 - 2 / 12))).toBeLessThanOrEqual(1 / 12);
  });

  it('re-encodes clips of different sizes to the first clip’s size', async () => {
    const big = makeClip(path.join(dir, 'big.mp4'), { width: 320, height: 180, seconds: 1, fps: 12 });

    const joined = await concatClips([silent[0]!, big], path.join(dir, 'mixed.mp4'));

    expect(joined.mode).toBe('reencode');
    expect(joined.reasons.join()).toContain('clip 2 width 320');
    expect(probe(joined.path)).toMatchObject({ width: 160, height: 96, frames: 24 });
  });

  it('keeps the audio when every clip has some', async () => {
    const joined = await concatClips(loud, path.join(dir, 'loud.mp4'));

    expect(joined).toMatchObject({ mode: 'copy', audio: true });
    expect(probe(joined.path).audio).toBe(true);
  });

  it('keeps the audio through a re-encode that drops boundary frames', async () => {
    const joined = await concatClips(loud, path.join(dir, 'loud-seamless.mp4'), { dropBoundaryFrame: true });

    expect(joined).toMatchObject({ mode: 'reencode', audio: true });
    expect(probe(joined.path)).toMatchObject({ audio: true, frames: 23 });
  });

  it('drops the audio with a warning when a clip has none', async () => {
    const joined = await concatClips([loud[0]!, silent[0]!], path.join(dir, 'half-silent.mp4'));

    expect(joined.audio).toBe(false);
    expect(joined.warnings[0]?.message).toContain('clip 2 has no audio');
    expect(probe(joined.path)).toMatchObject({ audio: false, frames: 24 });
  });

  it('reads MP4 clips from their headers: no ffprobe is run, and the join is valid by ffprobe', async () => {
    const joined = await concatClips(loud, path.join(dir, 'no-ffprobe.mp4'), {
      ffprobePath: path.join(dir, 'no-such-ffprobe'),
    });

    expect(joined).toMatchObject({ mode: 'copy', audio: true });
    expect(joined.clips[0]?.video).toMatchObject({
      codec: 'h264',
      width: 160,
      height: 96,
      frameRate: '12/1',
    });
    // ffprobe reads the whole joined file, every packet, without an error.
    const check = execFileSync(ffprobe, ['-v', 'error', '-count_packets', '-show_streams', joined.path], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(check).toContain('nb_read_packets=24');
    expect(probe(joined.path)).toMatchObject({ frames: 24, audio: true });
  });

  it('asks ffprobe about clips its header reader does not cover (Matroska)', async () => {
    const mkv = path.join(dir, 'silent.mkv');
    execFileSync(ffmpeg, ['-v', 'error', '-i', silent[0]!, '-c', 'copy', '-y', mkv]);

    await expect(
      concatClips([mkv, mkv], path.join(dir, 'mkv-no-ffprobe.mp4'), {
        ffprobePath: path.join(dir, 'no-such-ffprobe'),
      }),
    ).rejects.toThrow();
    const joined = await concatClips([mkv, mkv], path.join(dir, 'mkv.mp4'));
    expect(probe(joined.path)).toMatchObject({ frames: 24, width: 160 });
  });

  it('writes a stream copy in one pass (index after the media) unless faststart is asked for', async () => {
    const topLevel = async (file: string) => {
      const bytes = await readFile(file);
      const types: string[] = [];
      for (let at = 0; at + 8 <= bytes.length; at += bytes.readUInt32BE(at)) {
        types.push(bytes.toString('latin1', at + 4, at + 8));
        if (bytes.readUInt32BE(at) < 8) break;
      }
      return types.filter((type) => type === 'moov' || type === 'mdat');
    };

    const onePass = await concatClips(silent, path.join(dir, 'one-pass.mp4'));
    const fast = await concatClips(silent, path.join(dir, 'faststart.mp4'), { faststart: true });

    expect(await topLevel(onePass.path)).toEqual(['mdat', 'moov']);
    expect(await topLevel(fast.path)).toEqual(['moov', 'mdat']);
    expect(probe(fast.path).frames).toBe(36);
  });

  it('refuses to replace an existing output unless overwrite is set', async () => {
    const out = path.join(dir, 'taken.mp4');
    await writeFile(out, 'keep me');

    await expect(concatClips(silent, out)).rejects.toSatisfy((error) => OutputExistsError.isInstance(error));
    expect(await readFile(out, 'utf8')).toBe('keep me');

    await concatClips(silent, out, { overwrite: true });
    expect(probe(out).frames).toBe(36);
  });
});
