import {
  defineParityApi,
  type GenerateVideoResult,
  type GenerationSettings,
  type ImageInput,
  type ParityOptions,
} from '@video-gen/core';
import type { Veo3Config } from './veo3-config.js';
import type { Veo3ProviderOptions } from './veo3-options.js';
import { createVeo3, type Veo3Provider } from './veo3-provider.js';

/** Options of {@link generateVideoWithVeo3} and {@link Veo3APIClient.generate}. */
export interface GenerateVideoWithVeo3Options
  extends Omit<ParityOptions<Veo3Config>, 'providerOptions'>,
    Veo3ProviderOptions {
  /** The video's first frame (Python's `source_frame`). */
  readonly sourceFrame?: ImageInput;
  /** The video's last frame (Veo 3.1 and Veo 2). */
  readonly lastFrame?: ImageInput;
  /** Up to 3 reference images, besides `filePaths`. */
  readonly referenceImages?: readonly ImageInput[];
  /** Where to write the MP4; further samples go beside it as `-2.mp4`, `-3.mp4`. */
  readonly outPath?: string;
}

/** What {@link generateVideoWithVeo3} returns: core's result plus every video written. */
export interface Veo3GenerationResult extends GenerateVideoResult {
  /** Every video written: `path` first, then the further samples when `sampleCount` > 1. */
  readonly paths: readonly string[];
}

const OPTION_KEYS = [
  'personGeneration',
  'sampleCount',
  'enhancePrompt',
  'storageUri',
  'resizeMode',
  'compressionQuality',
  'referenceType',
] as const satisfies readonly (keyof Veo3ProviderOptions)[];

const parity = defineParityApi<Veo3Config, GenerateVideoWithVeo3Options, Veo3GenerationResult, Veo3Provider>({
  createProvider: (config) => createVeo3(config),
  request: (prompt, filePaths, options) => {
    const { sourceFrame, lastFrame, referenceImages, ...rest } = options;
    const providerOptions: Record<string, unknown> = {};
    const settings: Record<string, unknown> = { ...rest };
    for (const key of OPTION_KEYS) {
      if (settings[key] !== undefined) providerOptions[key] = settings[key];
      delete settings[key];
    }
    const references = [...filePaths, ...(referenceImages ?? [])];
    return {
      ...(settings as GenerationSettings),
      prompt,
      ...(sourceFrame === undefined ? {} : { firstFrame: sourceFrame }),
      ...(lastFrame === undefined ? {} : { lastFrame }),
      ...(references.length > 0 ? { referenceImages: references } : {}),
      providerOptions: { veo3: providerOptions },
    };
  },
  finish: async (result, provider, options) => {
    const more =
      (options.sampleCount ?? 1) > 1
        ? await provider.saveAdditionalVideos(result, {
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.overwrite ? { overwrite: true } : {}),
            ...(options.fetch ? { fetch: options.fetch } : {}),
          })
        : [];
    return { ...result, paths: [result.path, ...more] };
  },
});

/**
 * Python parity for `generate_video_with_veo3(prompt, file_paths, ...)`: generates one Veo video
 * (or `sampleCount` of them) and writes it to `outPath`. `filePaths` are reference images (at
 * most 3), `sourceFrame` is the first frame, `lastFrame` the last.
 *
 * @example
 * ```ts
 * const { path } = await generateVideoWithVeo3('a paper boat on a stream', [], {
 *   sourceFrame: 'boat.png',
 *   durationSeconds: 8,
 *   outPath: 'out/boat.mp4',
 * });
 * ```
 */
export function generateVideoWithVeo3(
  prompt: string,
  filePaths: readonly ImageInput[] = [],
  options: GenerateVideoWithVeo3Options = {},
): Promise<Veo3GenerationResult> {
  return parity.generate(prompt, filePaths, options);
}

/**
 * Python parity for `Veo3APIClient`: holds a config and its provider, and generates videos with
 * them; `generate()` returns the path of the first file written.
 *
 * @example
 * ```ts
 * const client = new Veo3APIClient({ project: 'my-project', location: 'us-central1' });
 * const file = await client.generate('a lighthouse in a storm', ['storm.png'], { outPath: 'storm.mp4' });
 * ```
 */
export class Veo3APIClient extends parity.Client {}
