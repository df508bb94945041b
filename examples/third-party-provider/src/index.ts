export { AcmeConfig, type AcmeSettings } from './acme-config.js';
export { acmeModels } from './acme-models.js';
export { createAcme, plugin } from './acme-provider.js';
