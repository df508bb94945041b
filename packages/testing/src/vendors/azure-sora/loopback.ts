import {
  serveVideosApiFake,
  type VideosApiLoopbackOptions,
  type VideosApiLoopbackServer,
} from '../openai-sora/loopback.js';
import { behaviour } from '../openai-sora/mock-options.js';
import { createVideosApiFake } from '../openai-sora/videos-api-fake.js';
import { type AzureSoraMockOptions, azureAuth } from './mock-options.js';

export { azureSoraFaults } from './faults.js';
export type { AzureSoraMockOptions } from './mock-options.js';

/** A running loopback Azure Videos API. */
export interface AzureSoraLoopbackServer extends VideosApiLoopbackServer {
  /** The resource endpoint to configure (`endpoint: server.endpoint`); `url` is `{endpoint}/openai/v1`. */
  readonly endpoint: string;
}

/**
 * Starts a loopback HTTP server reproducing Azure OpenAI's v1 Videos API under `/openai/v1` (the
 * same fake as `azureSoraHandlers`, without msw): for Bun and Deno runs. Configure the provider
 * with `baseURL: server.url` or `endpoint: server.endpoint`.
 *
 * @example
 * ```ts
 * import { startAzureSoraServer } from '@video-gen/testing/loopback';
 * const server = await startAzureSoraServer({ deployment: 'my-sora-2', apiKey: 'k' });
 * const provider = createAzureSora({ baseURL: server.url, apiKey: 'k', deployment: 'my-sora-2' });
 * // ...
 * await server.close();
 * ```
 */
export async function startAzureSoraServer(
  options: Omit<AzureSoraMockOptions, 'endpoint'> & VideosApiLoopbackOptions = {},
): Promise<AzureSoraLoopbackServer> {
  const fake = createVideosApiFake({
    flavor: 'azure',
    pathPrefix: '/openai/v1',
    auth: azureAuth(options),
    deployment: options.deployment ?? 'my-sora-2',
    ...behaviour(options),
  });
  const server = await serveVideosApiFake(fake, '/openai/v1', options);
  return { ...server, endpoint: server.origin };
}
