import { defineParityApi, type ImageInput, type ParityOptions } from '@video-gen/core';
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
export interface SoraGenerateOptions extends ParityOptions<SoraConfig> {}

const parity = defineParityApi<SoraConfig, SoraGenerateOptions, string>({
  createProvider: (config) => createSora(config),
  finish: (result) => result.path,
});

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
export function generateVideoWithSora2(
  prompt: string,
  filePaths: readonly ImageInput[] = [],
  options: SoraGenerateOptions = {},
): Promise<string> {
  return parity.generate(prompt, filePaths, options);
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
export class SoraAPIClient extends parity.Client {}
