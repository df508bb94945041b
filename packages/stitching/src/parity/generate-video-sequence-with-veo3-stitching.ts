import path from 'node:path';
import type { ImageInput } from '@video-gen/core';
import { generateSequence } from '../sequence/generate-sequence.js';
import type { GenerateSequenceOptions, GenerateSequenceResult } from '../sequence/sequence-options.js';

/** Options of {@link generateVideoSequenceWithVeo3Stitching}. */
export interface Veo3StitchingOptions
  extends Omit<GenerateSequenceOptions, 'provider' | 'clips' | 'images' | 'outDir'> {
  /** Which service runs Veo: Google (`veo3`, default) or Runway (`runway`). The provider package must be installed. */
  readonly backend?: 'veo3' | 'runway';
  /** The folder for the clips and `sequence.json`. Default: `video-sequence-<time>` in the working directory (pass one to be able to resume). */
  readonly outDir?: string;
}

/**
 * Python parity for `generate_video_sequence_with_veo3_stitching(prompts, file_paths_list, ...)`:
 * one clip per prompt, each starting from the previous clip's last frame, on Veo through Google
 * (`backend: 'veo3'`) or Runway (`backend: 'runway'`). `filePathsList` is one list of images per
 * clip (`null` or `[]` for none), or one flat list used by every clip. Everything else is
 * {@link generateSequence}: resume, `concatTo`, `delayBetweenClipsMs`, …
 *
 * @example
 * ```ts
 * import { generateVideoSequenceWithVeo3Stitching } from '@video-gen/stitching';
 *
 * const result = await generateVideoSequenceWithVeo3Stitching(
 *   ['A fox wakes up in its den', 'The fox steps out into the snow'],
 *   [['den.png'], []],
 *   { backend: 'veo3', model: 'veo-3.1-generate-preview', delayBetweenClipsMs: 5_000, outDir: 'out/fox' },
 * );
 * console.log(result.clips.map((clip) => clip.path));
 * ```
 */
export function generateVideoSequenceWithVeo3Stitching(
  prompts: readonly string[],
  filePathsList?: readonly (readonly ImageInput[] | null | undefined)[] | readonly ImageInput[] | null,
  options: Veo3StitchingOptions = {},
): Promise<GenerateSequenceResult> {
  const { backend = 'veo3', outDir, ...rest } = options;
  let images: GenerateSequenceOptions['images'];
  const list = filePathsList ?? [];
  if (
    list.length > 0 &&
    list.every((entry) => entry === null || entry === undefined || Array.isArray(entry))
  ) {
    images = (list as readonly (readonly ImageInput[] | null | undefined)[]).map((entry) => entry ?? []);
  } else if (list.length > 0) {
    images = list as readonly ImageInput[];
  }
  return generateSequence({
    ...rest,
    provider: backend,
    clips: prompts.map((prompt) => ({ prompt })),
    ...(images === undefined ? {} : { images }),
    outDir: outDir ?? path.resolve(`video-sequence-${new Date().toISOString().replace(/[:.]/g, '-')}`),
  });
}
