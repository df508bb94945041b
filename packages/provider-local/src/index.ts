/**
 * An offline provider that renders real, deterministic H.264 MP4 files with ffmpeg.
 *
 * @packageDocumentation
 * @module @video-gen/provider-local
 */
export { type LocalConfig, localConfigSchema, type X264Preset } from './local-config.js';
export { LocalConfigSource } from './local-config-source.js';
export { localModels } from './local-models.js';
export { createLocal, local, plugin } from './local-provider.js';
