import { defineParityApi, type ImageInput, type ParityOptions } from '@video-gen/core';
import type { AzureSoraConfig } from './azure-sora-config.js';
import { createAzureSora } from './azure-sora-provider.js';

/**
 * Options of {@link generateVideoWithAzureSora} and {@link AzureSoraAPIClient.generate}: generation settings
 * plus the provider config.
 *
 * @example
 * ```ts
 * const options: AzureSoraGenerateOptions = { config: { deployment: 'sora-2' }, durationSeconds: 8 };
 * ```
 */
export interface AzureSoraGenerateOptions extends ParityOptions<AzureSoraConfig> {}

const parity = defineParityApi<AzureSoraConfig, AzureSoraGenerateOptions, string>({
  createProvider: (config) => createAzureSora(config),
  finish: (result) => result.path,
});

/**
 * Python parity for `generate_video_with_azure_sora(prompt, file_paths, ...)`: generates a video
 * with Sora 2 on Azure and returns the path of the MP4. The first image, if any, is the first frame.
 *
 * @example
 * ```ts
 * import { generateVideoWithAzureSora } from '@video-gen/provider-azure-sora';
 * const path = await generateVideoWithAzureSora('A fox in the snow', ['fox.png'], { durationSeconds: 8 });
 * ```
 */
export function generateVideoWithAzureSora(
  prompt: string,
  filePaths: readonly ImageInput[] = [],
  options: AzureSoraGenerateOptions = {},
): Promise<string> {
  return parity.generate(prompt, filePaths, options);
}

/**
 * Python parity for `AzureSoraAPIClient`: holds a config and generates videos with it.
 *
 * @example
 * ```ts
 * import { AzureSoraAPIClient } from '@video-gen/provider-azure-sora';
 * const client = new AzureSoraAPIClient({ deployment: 'sora-2' }); // endpoint and key from the environment
 * const path = await client.generate('A fox in the snow', [], { outPath: 'out/fox.mp4' });
 * ```
 */
export class AzureSoraAPIClient extends parity.Client {}
