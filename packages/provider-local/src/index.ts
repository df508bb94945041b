export { type LocalConfig, localConfigSchema, type X264Preset } from './local-config.js';
export { localModels } from './local-models.js';
export { createLocal, local, plugin } from './local-provider.js';
