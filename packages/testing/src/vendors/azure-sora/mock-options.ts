import type { VideosApiMockOptions } from '../openai-sora/mock-options.js';
import type { VideosApiAuth } from '../openai-sora/videos-api-fake.js';

/** Options of the Azure Sora mocks. */
export interface AzureSoraMockOptions extends VideosApiMockOptions {
  /** The resource endpoint (msw only; the loopback server uses its own origin). Default `https://video-gen-test.openai.azure.com`. */
  readonly endpoint?: string;
  /** The deployment the `model` field must name; others get 404 DeploymentNotFound. Default `my-sora-2`. */
  readonly deployment?: string;
  /** The key accepted in the `api-key` header. Default `azure-test-key` unless only `bearerToken` is given. */
  readonly apiKey?: string;
  /** A Microsoft Entra token accepted as `Authorization: Bearer`. */
  readonly bearerToken?: string;
}

/** The credentials an Azure mock accepts. */
export function azureAuth(options: AzureSoraMockOptions): VideosApiAuth[] {
  const auth: VideosApiAuth[] = [];
  if (options.apiKey !== undefined || options.bearerToken === undefined) {
    auth.push({ scheme: 'api-key', key: options.apiKey ?? 'azure-test-key' });
  }
  if (options.bearerToken !== undefined) auth.push({ scheme: 'bearer', token: options.bearerToken });
  return auth;
}
