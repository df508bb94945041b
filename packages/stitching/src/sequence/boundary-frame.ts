import path from 'node:path';
import { inspectFile, ValidationError } from '@video-gen/core';
import { sha256File } from '../files/file-facts.js';
import { extractLastFrame, type FrameFormat } from '../frames/extract-last-frame.js';
import type { ManifestClip, RecordedFrame } from './sequence-manifest.js';

/**
 * The last frame of a finished clip, at its fixed path under `frames/`: extracted once, then
 * reused as is. Re-extracting it differently would change what an in-flight next clip was
 * submitted with (core's journal names the frame by path).
 *
 * @throws {ValidationError} `sequence_changed` when the next clip already started from a different frame.
 */
export async function boundaryFrame(
  outDir: string,
  previous: ManifestClip,
  next: ManifestClip,
  relativePath: string,
  options: { format: FrameFormat; ffmpegPath: string | undefined; signal: AbortSignal | undefined },
): Promise<RecordedFrame & { absolute: string }> {
  const absolute = path.join(outDir, relativePath);
  // A link at the frame's name is refused: it would hand a file from elsewhere to the vendor.
  if (!(await inspectFile(absolute))) {
    await extractLastFrame(path.join(outDir, previous.path), {
      outputPath: absolute,
      format: options.format,
      ...(options.ffmpegPath === undefined ? {} : { ffmpegPath: options.ffmpegPath }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }
  const sha256 = await sha256File(absolute);
  if (next.status !== 'pending' && next.firstFrame && next.firstFrame.sha256 !== sha256) {
    throw new ValidationError(
      `Clip ${next.index} was started from a different last frame of clip ${previous.index} than ${absolute} holds now (was clip ${previous.index} or its frame replaced?). It is not reused: use a new outDir.`,
      {
        code: 'sequence_changed',
        issues: [{ field: `clips[${next.index - 1}]`, message: 'boundary frame changed' }],
      },
    );
  }
  return { path: relativePath, sha256, absolute };
}
