export { createConfigForBackend } from './create-config-for-backend.js';
export {
  defineProviderConfig,
  type FromEnvironmentOptions,
  type ProviderConfigDefinition,
  type ProviderConfigSpec,
} from './define-provider-config.js';
export { envBoolean } from './env-boolean.js';
export { type ReadEnvironmentOptions, readEnvironment } from './read-environment.js';
export { VIDEO_BACKENDS, type VideoBackend } from './video-backend.js';
