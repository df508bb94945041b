/**
 * Google Veo 3 / 3.1 on Vertex AI (enterprise and express modes) and, as legacy, the Gemini Developer API.
 *
 * @packageDocumentation
 * @module @video-gen/provider-veo3
 */

export * from './login/index.js';
export {
  hasVeo3Credentials,
  type ResolvedVeo3Config,
  resolveVeo3Config,
  Veo3Config,
  type Veo3GoogleAuthOptions,
  type Veo3Mode,
} from './veo3-config.js';
export { veo3Models } from './veo3-models.js';
export type { Veo3ProviderOptions } from './veo3-options.js';
export {
  type GenerateVideoWithVeo3Options,
  generateVideoWithVeo3,
  Veo3APIClient,
  type Veo3GenerationResult,
} from './veo3-parity.js';
export { createVeo3, plugin, type Veo3Provider } from './veo3-provider.js';
