import {
  type GenerateVideoResult,
  type GenerationSettings,
  generateVideo,
  type ImageInput,
} from '@video-gen/core';
import type { Veo3Config } from './veo3-config.js';
import type { Veo3ProviderOptions } from './veo3-options.js';
import { createVeo3, type Veo3Provider } from './veo3-provider.js';

/** Options of {@link generateVideoWithVeo3} and {@link Veo3APIClient.generate}. */
export interface GenerateVideoWithVeo3Options
  extends Omit<GenerationSettings, 'provider' | 'providerConfig' | 'providerOptions'>,
    Veo3ProviderOptions {
  /** The video's first frame (Python's `source_frame`). */
  readonly sourceFrame?: ImageInput;
  /** The video's last frame (Veo 3.1 and Veo 2). */
  readonly lastFrame?: ImageInput;
  /** Up to 3 reference images, besides `filePaths`. */
  readonly referenceImages?: readonly ImageInput[];
  /** Where to write the MP4; further samples go beside it as `-2.mp4`, `-3.mp4`. */
  readonly outPath?: string;
  /** Provider settings; the environment when absent. */
  readonly config?: Veo3Config;
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

async function run(
  provider: Veo3Provider,
  prompt: string,
  filePaths: readonly ImageInput[],
  options: GenerateVideoWithVeo3Options,
): Promise<Veo3GenerationResult> {
  const { sourceFrame, lastFrame, referenceImages, config: _config, ...rest } = options;
  const providerOptions: Record<string, unknown> = {};
  const settings: Record<string, unknown> = { ...rest };
  for (const key of OPTION_KEYS) {
    if (settings[key] !== undefined) providerOptions[key] = settings[key];
    delete settings[key];
  }
  const references = [...filePaths, ...(referenceImages ?? [])];
  const result = await generateVideo({
    ...(settings as GenerationSettings),
    provider,
    prompt,
    ...(sourceFrame === undefined ? {} : { firstFrame: sourceFrame }),
    ...(lastFrame === undefined ? {} : { lastFrame }),
    ...(references.length > 0 ? { referenceImages: references } : {}),
    providerOptions: { veo3: providerOptions },
  });
  const more =
    (options.sampleCount ?? 1) > 1
      ? await provider.saveAdditionalVideos(result, {
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.overwrite ? { overwrite: true } : {}),
          ...(options.fetch ? { fetch: options.fetch } : {}),
        })
      : [];
  return { ...result, paths: [result.path, ...more] };
}

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
  return run(createVeo3(options.config), prompt, filePaths, options);
}

/**
 * Python parity for `Veo3APIClient`: holds a config and generates videos with it.
 *
 * @example
 * ```ts
 * const client = new Veo3APIClient({ project: 'my-project', location: 'us-central1' });
 * const file = await client.generate('a lighthouse in a storm', ['storm.png'], { outPath: 'storm.mp4' });
 * ```
 */
export class Veo3APIClient {
  /** The provider this client drives. */
  readonly provider: Veo3Provider;

  constructor(readonly config?: Veo3Config) {
    this.provider = createVeo3(config);
  }

  /** Generates a video and returns the path of the first file written. */
  async generate(
    prompt: string,
    filePaths: readonly ImageInput[] = [],
    options: Omit<GenerateVideoWithVeo3Options, 'config'> = {},
  ): Promise<string> {
    return (await run(this.provider, prompt, filePaths, options)).path;
  }
}
