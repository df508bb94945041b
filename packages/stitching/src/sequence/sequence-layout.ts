import type { FrameFormat } from '../frames/extract-last-frame.js';

/**
 * Where a sequence keeps its files, relative to its folder: `clip-01.mp4`, … (wider numbers past
 * 99 clips), and `frames/clip-01-last.png` for the boundary frames. The names never change between
 * runs: core's journal of a clip in flight names its first frame by path.
 */
export function sequenceLayout(clipCount: number, format: FrameFormat) {
  const width = Math.max(2, String(clipCount).length);
  const number = (index: number) => String(index).padStart(width, '0');
  return {
    clip: (index: number) => `clip-${number(index)}.mp4`,
    lastFrame: (index: number) => `frames/clip-${number(index)}-last.${format === 'png' ? 'png' : 'jpg'}`,
  };
}
