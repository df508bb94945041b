import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { azureSoraHandlers } from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { context, request } from '../../provider-sora/src/test-support.js';
import { AzureSoraConfig } from './azure-sora-config.js';
import { createAzureSora } from './azure-sora-provider.js';

const ENDPOINT = 'https://video-gen-test.openai.azure.com';
const DEPLOYMENT = 'my-sora-2';
const ENV_KEY = 'azure-env-key-should-not-be-used';
const server = setupServer();
let dir: string;
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.unstubAllEnvs();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
afterAll(() => server.close());

describe('a credential passed in code replaces every credential from the environment', () => {
  it('an azureADTokenProvider in code beside AZURE_OPENAI_API_KEY in the environment sends only the token', async () => {
    vi.stubEnv('AZURE_OPENAI_API_KEY', ENV_KEY);
    const api = azureSoraHandlers({ bearerToken: 'entra-token-1' });
    server.use(...api.handlers);
    const provider = createAzureSora({
      endpoint: ENDPOINT,
      deployment: DEPLOYMENT,
      azureADTokenProvider: async () => 'entra-token-1',
    });

    const job = await provider.submit(request(), context());
    await provider.status(job, context());

    expect(api.requests.length).toBeGreaterThan(0);
    for (const sent of api.requests) {
      expect(sent.headers.authorization).toBe('Bearer entra-token-1');
      expect(sent.headers['api-key']).toBeUndefined();
    }
  });

  it('an azureADTokenProvider override ignores AZURE_OPENAI_API_KEY from a .env file', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-azure-env-'));
    writeFileSync(
      path.join(dir, '.env'),
      `AZURE_OPENAI_API_KEY=${ENV_KEY}\nAZURE_OPENAI_ENDPOINT=${ENDPOINT}\nAZURE_OPENAI_DEPLOYMENT=${DEPLOYMENT}\n`,
    );
    const azureADTokenProvider = async () => 'token';

    const config = AzureSoraConfig.fromEnvironment({
      env: {},
      cwd: dir,
      overrides: { azureADTokenProvider },
    });

    expect(config).toMatchObject({ endpoint: ENDPOINT, deployment: DEPLOYMENT, azureADTokenProvider });
    expect(config.apiKey).toBeUndefined();
  });

  it('without a credential in code, the environment key is still used', () => {
    const config = AzureSoraConfig.fromEnvironment({
      env: {
        AZURE_OPENAI_API_KEY: ENV_KEY,
        AZURE_OPENAI_ENDPOINT: ENDPOINT,
        AZURE_OPENAI_DEPLOYMENT: DEPLOYMENT,
      },
      envFile: false,
    });
    expect(config.apiKey).toBe(ENV_KEY);
  });
});
