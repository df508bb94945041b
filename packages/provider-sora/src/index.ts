/**
 * OpenAI Sora 2 through the official `openai` SDK (the Videos API, announced for shutdown on 2026-09-24).
 *
 * @packageDocumentation
 * @module @video-gen/provider-sora
 */
export { SoraConfig } from './sora-config.js';
export { downloadSoraThumbnail, type RemixSoraOptions, remixSoraVideo } from './sora-extras.js';
export { SORA_MODEL_IDS, type SoraModelId, soraModels } from './sora-models.js';
export { generateVideoWithSora2, SoraAPIClient, type SoraGenerateOptions } from './sora-parity.js';
export { createSora, plugin, SORA_PROVIDER_ID, SORA_SHUTDOWN_WARNING } from './sora-provider.js';
export type { SoraProviderOptions } from './videos-api-options.js';
