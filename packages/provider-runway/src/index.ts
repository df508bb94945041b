/**
 * Runway Gen-4 and every partner video model Runway serves, through the official `@runwayml/sdk`.
 *
 * @packageDocumentation
 * @module @video-gen/provider-runway
 */
export {
  type RunwayCatalogueEntry,
  type RunwayCatalogueState,
  type RunwayVideoEndpoint,
  runwayCatalogue,
} from './runway-catalogue.js';
export { RunwayConfig } from './runway-config.js';
export { runwayModels } from './runway-models.js';
export type { RunwayProviderOptions } from './runway-options.js';
export {
  generateVideoWithRunway,
  generateVideoWithRunwayVeo,
  RunwayGen4Client,
  type RunwayGenerateOptions,
  RunwayVeoClient,
  type RunwayVeoGenerateOptions,
} from './runway-parity.js';
export { createRunway, plugin } from './runway-provider.js';
