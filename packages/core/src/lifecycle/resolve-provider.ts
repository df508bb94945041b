import type { VideoProvider } from '../contract/video-provider.js';
import { getProvider } from '../registry/provider-registry.js';

/** The provider used when a call names none. */
export const DEFAULT_PROVIDER_ID = 'local';

/**
 * A provider value as given, or the registry's provider for an id (default `local`), importing a
 * first-party package on first use.
 *
 * @example
 * ```ts
 * const provider = await resolveProvider('veo3');
 * ```
 */
export async function resolveProvider(
  provider: string | VideoProvider | undefined,
  config?: unknown,
): Promise<VideoProvider> {
  if (provider !== undefined && typeof provider !== 'string') return provider;
  return getProvider(provider ?? DEFAULT_PROVIDER_ID, config);
}
