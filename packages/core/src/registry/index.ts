export { firstPartyProviders } from './first-party-providers.js';
export {
  getProvider,
  getRegisteredPlugin,
  listProviderIds,
  registerProvider,
  resolveProviderPlugin,
  unregisterProvider,
} from './provider-registry.js';
