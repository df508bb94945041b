/**
 * The video-gen studio: a local web page over the generation ledger, started by
 * `video-gen studio` or {@link startStudio}.
 *
 * @packageDocumentation
 * @module @video-gen/studio
 */
export { startStudio } from './start-studio.js';
export type { Studio, StudioOptions } from './studio-options.js';
