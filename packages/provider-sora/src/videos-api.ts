/**
 * The Videos API engine shared by the OpenAI and Azure Sora providers.
 *
 * @packageDocumentation
 * @module @video-gen/provider-sora/videos-api
 */
// The Videos API engine shared by the OpenAI and Azure Sora providers, for providers of the same
// wire shape (Azure, gateways). Most users want the package's main entry instead.
export {
  isContentPolicyCode,
  toVideosApiError,
  type VendorErrorBody,
  type VideosApiCall,
  vendorErrorBody,
} from './videos-api-errors.js';
export { sdkLogging } from './videos-api-logger.js';
export { parseSoraProviderOptions, type SoraProviderOptions } from './videos-api-options.js';
export {
  contentVariantWithSession,
  createVideosApiProvider,
  remixWithSession,
  type VideosApiProviderSpec,
  type VideosApiSession,
} from './videos-api-provider.js';
