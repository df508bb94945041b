import { type GenerationWarning, ValidationError } from '@video-gen/core';
import type { ClipInfo, ClipVideo } from './probe-clip.js';

/** When {@link concatClips} re-encodes: when it must (`auto`), always, or never (an error instead). */
export type ReencodePolicy = 'auto' | 'always' | 'never';

/** How a join will be made. */
export interface ConcatPlan {
  /** `copy`: the concat demuxer, bytes untouched. `reencode`: one normalising H.264 encode. */
  readonly mode: 'copy' | 'reencode';
  /** Why a re-encode is needed; empty for a copy. */
  readonly reasons: readonly string[];
  /** Whether the output has an audio track. */
  readonly audio: boolean;
  /** The output's size and frame rate (the first clip's). */
  readonly width: number;
  readonly height: number;
  readonly frameRate: string;
  readonly fps: number;
  readonly warnings: readonly GenerationWarning[];
}

const VIDEO_FIELDS: readonly (readonly [keyof ClipVideo, string])[] = [
  ['codec', 'codec'],
  ['profile', 'profile'],
  ['width', 'width'],
  ['height', 'height'],
  ['frameRate', 'frame rate'],
  ['pixelFormat', 'pixel format'],
  ['timeBase', 'timebase'],
  ['extradataHash', 'codec setup (SPS/PPS)'],
];

function mismatches(clips: readonly ClipInfo[]): string[] {
  const [first, ...rest] = clips;
  if (!first) return [];
  const reasons: string[] = [];
  rest.forEach((clip, offset) => {
    for (const [field, label] of VIDEO_FIELDS) {
      if (clip.video[field] !== first.video[field]) {
        reasons.push(
          `clip ${offset + 2} ${label} ${String(clip.video[field])} differs from clip 1's ${String(first.video[field])}`,
        );
      }
    }
  });
  return reasons;
}

function audioMismatches(clips: readonly ClipInfo[]): string[] {
  const first = clips[0]?.audio;
  if (!first) return [];
  return clips.slice(1).flatMap((clip, offset) => {
    const audio = clip.audio;
    if (!audio) return [];
    const same =
      audio.codec === first.codec &&
      audio.sampleRate === first.sampleRate &&
      audio.channels === first.channels;
    return same
      ? []
      : [
          `clip ${offset + 2} audio ${audio.codec} ${audio.sampleRate} Hz ×${audio.channels} differs from clip 1's ${first.codec} ${first.sampleRate} Hz ×${first.channels}`,
        ];
  });
}

/**
 * Decides how to join clips: a stream copy when every clip has the same codec, profile, size,
 * frame rate, pixel format, timebase and codec setup and no frame is dropped; otherwise a
 * re-encode to the first clip's size and frame rate. Audio is kept only when every clip has some.
 * Pure: the clips are already probed.
 *
 * @throws {ValidationError} a re-encode is needed but `reencode` is `never`.
 */
export function planConcat(
  clips: readonly ClipInfo[],
  options: { readonly dropBoundaryFrame?: boolean; readonly reencode?: ReencodePolicy } = {},
): ConcatPlan {
  const first = clips[0];
  if (!first) throw new ValidationError('concatClips needs at least one clip.', { code: 'no_clips' });
  const policy = options.reencode ?? 'auto';
  const warnings: GenerationWarning[] = [];
  const withAudio = clips.filter((clip) => clip.audio !== undefined).length;
  const audio = withAudio === clips.length;
  if (withAudio > 0 && !audio) {
    const silent = clips.flatMap((clip, index) => (clip.audio ? [] : [index + 1]));
    warnings.push({
      type: 'other',
      feature: 'audio',
      message: `Audio dropped: clip${silent.length === 1 ? '' : 's'} ${silent.join(', ')} ha${silent.length === 1 ? 's' : 've'} no audio track, so the joined video is silent.`,
    });
  }
  const reasons = [...mismatches(clips), ...(audio ? audioMismatches(clips) : [])];
  if (options.dropBoundaryFrame && clips.length > 1)
    reasons.push('dropBoundaryFrame removes frames, which needs a re-encode');
  if (policy === 'always') reasons.push("reencode: 'always'");
  if (reasons.length > 0 && policy === 'never') {
    throw new ValidationError(
      `These clips cannot be joined by stream copy (reencode: 'never'):\n${reasons.map((r) => `  - ${r}`).join('\n')}`,
      {
        code: 'concat_needs_reencode',
        issues: reasons.map((message) => ({ field: 'reencode', message })),
      },
    );
  }
  return {
    mode: reasons.length === 0 ? 'copy' : 'reencode',
    reasons,
    audio,
    width: first.video.width,
    height: first.video.height,
    frameRate: first.video.frameRate,
    fps: first.video.fps,
    warnings,
  };
}
