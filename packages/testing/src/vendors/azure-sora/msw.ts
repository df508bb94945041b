import { behaviour } from '../openai-sora/mock-options.js';
import { type VideosApiMock, videosApiHandlers } from '../openai-sora/msw.js';
import { createVideosApiFake } from '../openai-sora/videos-api-fake.js';
import { type AzureSoraMockOptions, azureAuth } from './mock-options.js';

export { azureSoraFaults } from './faults.js';
export type { AzureSoraMockOptions } from './mock-options.js';

/**
 * msw handlers reproducing Azure OpenAI's v1 Videos API (`{endpoint}/openai/v1/videos...`, no
 * `api-version`): they accept the `api-key` header or an Entra `Authorization: Bearer` token
 * (never both), require `model` to name the deployment (else 404 DeploymentNotFound), walk each
 * job through queued → in_progress → completed (or `outcome`), serve a real MP4 at `/content`, and
 * answer injected faults with Azure's error bodies (`innererror` included).
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { azureSoraFaults, azureSoraHandlers } from '@video-gen/testing/msw';
 *
 * const mock = azureSoraHandlers({ deployment: 'my-sora-2', faults: [azureSoraFaults.contentFilter()] });
 * const server = setupServer(...mock.handlers);
 * server.listen({ onUnhandledFrame: 'error' });
 * ```
 */
export function azureSoraHandlers(options: AzureSoraMockOptions = {}): VideosApiMock {
  const endpoint = (options.endpoint ?? 'https://video-gen-test.openai.azure.com').replace(/\/+$/, '');
  const fake = createVideosApiFake({
    flavor: 'azure',
    pathPrefix: `${new URL(endpoint).pathname.replace(/\/+$/, '')}/openai/v1`,
    auth: azureAuth(options),
    deployment: options.deployment ?? 'my-sora-2',
    ...behaviour(options),
  });
  return videosApiHandlers(`${endpoint}/openai/v1`, fake);
}
