export {
  registerProvider,
  unregisterProvider,
  listProviderIds,
  getRegisteredPlugin,
  getProvider,
  resolveProviderPlugin,
} from './provider-registry.js';
export { firstPartyProviders } from './first-party-providers.js';
