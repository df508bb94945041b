import type { ProviderPlugin } from '@video-gen/core';
import { type AiSdkVideoModelSource, type FromAiSdkOptions, fromAiSdk } from './from-ai-sdk/from-ai-sdk.js';

/** Options for {@link aiSdkPlugin}: a registry id, the model (or a factory) and the rest of {@link FromAiSdkOptions}. */
export interface AiSdkPluginOptions extends FromAiSdkOptions {
  /** The registry id, as `generateVideo({ provider })` and the CLI's `--provider` name it. */
  readonly id: string;
  /** The AI SDK model, or a factory per model id, such as `(id) => fal.video(id)`. */
  readonly model: AiSdkVideoModelSource;
  /** A short description for listings. */
  readonly description?: string;
  /** The environment variables the AI SDK provider reads (for diagnostics and `hasCredentials`). */
  readonly environmentVariables?: readonly string[];
}

/**
 * A registry plugin for an AI SDK video provider, so `generateVideo({ provider: 'fal', model })`,
 * stitching (with any model whose table entry takes a first frame) and the CLI's `--plugin` reach
 * it. The AI SDK provider holds the credentials; video-gen never reads them.
 *
 * @example
 * ```ts
 * import { fal } from '@ai-sdk/fal';
 * import { generateVideo, registerProvider } from '@video-gen/core';
 * import { aiSdkPlugin } from '@video-gen/ai-sdk';
 *
 * registerProvider(aiSdkPlugin({
 *   id: 'fal',
 *   model: (id) => fal.video(id),
 *   models: [{ id: 'luma-dream-machine/ray-2', durations: [5, 9] }],
 *   environmentVariables: ['FAL_API_KEY', 'FAL_KEY'],
 * }));
 * await generateVideo({ provider: 'fal', model: 'luma-dream-machine/ray-2', prompt: 'A lighthouse at dusk' });
 * ```
 */
export function aiSdkPlugin(options: AiSdkPluginOptions): ProviderPlugin<undefined> {
  const { model, description, environmentVariables, ...rest } = options;
  return {
    id: options.id,
    packageName: '@video-gen/ai-sdk',
    description: description ?? `AI SDK video provider ${options.id}`,
    create: () => fromAiSdk(model, rest),
    ...(environmentVariables
      ? {
          environmentVariables,
          hasCredentials: (env: Readonly<Record<string, string | undefined>>) =>
            environmentVariables.some((name) => Boolean(env[name])),
        }
      : {}),
  };
}
