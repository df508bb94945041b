/**
 * Sora 2 on Azure AI Foundry (API key or Microsoft Entra ID).
 *
 * @packageDocumentation
 * @module @video-gen/provider-azure-sora
 */
export type { SoraModelId, SoraProviderOptions } from '@video-gen/provider-sora';
export { AzureSoraConfig } from './azure-sora-config.js';
export { downloadAzureSoraThumbnail, remixAzureSoraVideo } from './azure-sora-extras.js';
export { azureSoraModels } from './azure-sora-models.js';
export {
  AzureSoraAPIClient,
  type AzureSoraGenerateOptions,
  generateVideoWithAzureSora,
} from './azure-sora-parity.js';
export { AZURE_SORA_PROVIDER_ID, createAzureSora, plugin } from './azure-sora-provider.js';
