import { ValidationError } from '@video-gen/core';
import { describe, expect, it } from 'vitest';
import { planConcat } from './plan-concat.js';
import type { ClipInfo } from './probe-clip.js';

function clip(
  changes: { video?: Partial<ClipInfo['video']>; audio?: ClipInfo['audio'] | null } = {},
): ClipInfo {
  return {
    path: 'clip.mp4',
    video: {
      codec: 'h264',
      profile: 'High',
      width: 640,
      height: 360,
      frameRate: '24/1',
      fps: 24,
      pixelFormat: 'yuv420p',
      timeBase: '1/12288',
      extradataHash: 'SHA256:aa',
      ...changes.video,
    },
    audio:
      changes.audio === null
        ? undefined
        : (changes.audio ?? { codec: 'aac', sampleRate: 48000, channels: 2 }),
    durationSeconds: 2,
  };
}

describe('planConcat', () => {
  it('copies streams when every parameter matches and no frame is dropped', () => {
    const plan = planConcat([clip(), clip(), clip()]);

    expect(plan).toMatchObject({ mode: 'copy', reasons: [], audio: true, warnings: [] });
  });

  it.each([
    ['size', { width: 1280, height: 720 }, 'clip 2 width 1280 differs'],
    ['frame rate', { frameRate: '30/1', fps: 30 }, 'clip 2 frame rate 30/1 differs'],
    ['pixel format', { pixelFormat: 'yuv444p' }, 'clip 2 pixel format yuv444p differs'],
    ['timebase', { timeBase: '1/15360' }, 'clip 2 timebase 1/15360 differs'],
    ['codec', { codec: 'hevc' }, 'clip 2 codec hevc differs'],
    ['codec setup', { extradataHash: 'SHA256:bb' }, 'clip 2 codec setup (SPS/PPS)'],
  ])('re-encodes to the first clip when the %s differs', (_, video, reason) => {
    const plan = planConcat([clip(), clip({ video })]);

    expect(plan.mode).toBe('reencode');
    expect(plan.reasons.join('\n')).toContain(reason);
    expect(plan).toMatchObject({ width: 640, height: 360, frameRate: '24/1' });
  });

  it('re-encodes to drop boundary frames, even when the clips match', () => {
    expect(planConcat([clip(), clip()], { dropBoundaryFrame: true }).mode).toBe('reencode');
  });

  it("refuses with a ValidationError when a re-encode is needed and reencode is 'never'", () => {
    const error = (() => {
      try {
        planConcat([clip(), clip({ video: { width: 320 } })], { reencode: 'never' });
      } catch (e) {
        return e;
      }
    })();

    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'concat_needs_reencode' });
  });

  it("re-encodes matching clips with reencode: 'always'", () => {
    expect(planConcat([clip(), clip()], { reencode: 'always' }).mode).toBe('reencode');
  });

  it('drops the audio, with a warning naming the silent clips, when some clips have none', () => {
    const plan = planConcat([clip(), clip({ audio: null }), clip()]);

    expect(plan.audio).toBe(false);
    expect(plan.mode).toBe('copy');
    expect(plan.warnings).toEqual([
      expect.objectContaining({ feature: 'audio', message: expect.stringContaining('clip 2 has no audio') }),
    ]);
  });

  it('keeps no audio and warns nothing when no clip has audio', () => {
    expect(planConcat([clip({ audio: null }), clip({ audio: null })])).toMatchObject({
      audio: false,
      warnings: [],
      mode: 'copy',
    });
  });

  it('re-encodes when every clip has audio but in different formats', () => {
    const plan = planConcat([clip(), clip({ audio: { codec: 'aac', sampleRate: 44100, channels: 2 } })]);

    expect(plan).toMatchObject({ mode: 'reencode', audio: true });
    expect(plan.reasons.join()).toContain('44100 Hz');
  });
});
