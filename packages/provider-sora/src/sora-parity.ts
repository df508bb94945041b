import { type GenerationSettings, generateVideo, type ImageInput } from '@video-gen/core';
import type { SoraConfig } from './sora-config.js';
import { createSora } from './sora-provider.js';

/**
 * Options of {@link generateVideoWithSora2} and {@link SoraAPIClient.generate}: generation settings
 * plus the provider config.
 *
 * @example
 * ```ts
 * const options: SoraGenerateOptions = { config: { apiKey }, durationSeconds: 8, outPath: 'out/fox.mp4' };
 * ```
 */
export interface SoraGenerateOptions extends Omit<GenerationSettings, 'provider' | 'providerConfig'> {
  /** Provider settings; the environment fills what is missing. */
  readonly config?: SoraConfig;
  /** Where to write the MP4. Default: a unique name in the working directory. */
  readonly outPath?: string;
}

/**
 * Python parity for `generate_video_with_sora2(prompt, file_paths, ...)`: generates a video with
 * OpenAI Sora 2 and returns the path of the MP4. The first image, if any, is the first frame.
 *
 * @example
 * ```ts
 * import { generateVideoWithSora2 } from '@video-gen/provider-sora';
 * const path = await generateVideoWithSora2('A fox in the snow', ['fox.png'], { durationSeconds: 8 });
 * ```
 */
export async function generateVideoWithSora2(
  prompt: string,
  filePaths: readonly ImageInput[] = [],
  options: SoraGenerateOptions = {},
): Promise<string> {
  const { config, ...settings } = options;
  const result = await generateVideo({
    ...settings,
    prompt,
    images: filePaths,
    provider: createSora(config),
  });
  return result.path;
}

/**
 * Python parity for `SoraAPIClient`: holds a config and generates videos with it.
 *
 * @example
 * ```ts
 * import { SoraAPIClient } from '@video-gen/provider-sora';
 * const client = new SoraAPIClient({ apiKey: process.env.OPENAI_API_KEY });
 * const path = await client.generate('A fox in the snow', [], { outPath: 'out/fox.mp4' });
 * ```
 */
export class SoraAPIClient {
  /** The settings every call uses. */
  readonly config: SoraConfig;
  constructor(config: SoraConfig = {}) {
    this.config = config;
  }

  /** Generates a video; returns the MP4's path. */
  generate(
    prompt: string,
    filePaths: readonly ImageInput[] = [],
    options: Omit<SoraGenerateOptions, 'config'> = {},
  ): Promise<string> {
    return generateVideoWithSora2(prompt, filePaths, { ...options, config: this.config });
  }
}
