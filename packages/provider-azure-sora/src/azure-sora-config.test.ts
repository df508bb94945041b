import { ConfigurationError } from '@video-gen/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { context, request } from '../../provider-sora/src/test-support.js';
import { AzureSoraConfig } from './azure-sora-config.js';
import { createAzureSora, plugin } from './azure-sora-provider.js';

const VARS = [
  'AZURE_OPENAI_ENDPOINT',
  'AZURE_OPENAI_API_KEY',
  'AZURE_OPENAI_DEPLOYMENT',
  'AZURE_OPENAI_DEPLOYMENT_NAME',
];

afterEach(() => vi.unstubAllEnvs());

function clearEnvironment() {
  for (const name of [...VARS, 'AZURE_OPENAI_API_VERSION']) vi.stubEnv(name, '');
}

describe('AzureSoraConfig and the azure-sora plugin', () => {
  it('creates a provider without settings; the first submit names every missing variable', async () => {
    clearEnvironment();
    const provider = createAzureSora();
    expect(provider.id).toBe('azure-sora');
    const error = await provider.submit(request(), context()).catch((e: unknown) => e);
    expect(ConfigurationError.isInstance(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('endpoint is required: set AZURE_OPENAI_ENDPOINT');
    expect(message).toContain('apiKey is required: set AZURE_OPENAI_API_KEY (or pass azureADTokenProvider');
    expect(message).toContain('deployment is required: set AZURE_OPENAI_DEPLOYMENT');
    expect((error as ConfigurationError).variables).toEqual(expect.arrayContaining(VARS));
  });

  it('names only what is missing: here the deployment', async () => {
    clearEnvironment();
    vi.stubEnv('AZURE_OPENAI_ENDPOINT', 'https://r.openai.azure.com');
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'k-123456');
    const error = await createAzureSora()
      .submit(request(), context())
      .catch((e: unknown) => e);
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'azure-sora configuration: deployment is required: set AZURE_OPENAI_DEPLOYMENT or AZURE_OPENAI_DEPLOYMENT_NAME',
    );
  });

  it('reads endpoint, key, deployment and api version from the environment', () => {
    const config = AzureSoraConfig.fromEnvironment({
      envFile: false,
      env: {
        AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com',
        AZURE_OPENAI_API_KEY: 'k-123456',
        AZURE_OPENAI_DEPLOYMENT_NAME: 'sora-prod',
        AZURE_OPENAI_API_VERSION: 'preview',
      },
    });
    expect(config).toEqual({
      endpoint: 'https://r.openai.azure.com',
      apiKey: 'k-123456',
      deployment: 'sora-prod',
      apiVersion: 'preview',
    });
  });

  it('takes an Entra token provider instead of a key, but not both', () => {
    const azureADTokenProvider = async () => 'token';
    expect(
      AzureSoraConfig.parse({
        endpoint: 'https://r.openai.azure.com',
        deployment: 'd',
        azureADTokenProvider,
      }),
    ).toMatchObject({ deployment: 'd' });
    expect(() =>
      AzureSoraConfig.parse({
        endpoint: 'https://r.openai.azure.com',
        deployment: 'd',
        azureADTokenProvider,
        apiKey: 'k-secret-99',
      }),
    ).toThrow(/either apiKey or azureADTokenProvider, not both/);
  });

  it('refuses an unknown model family', () => {
    expect(() => createAzureSora({ modelFamily: 'sora-3' as never })).toThrow(ConfigurationError);
  });

  it('describes itself to the registry', () => {
    expect(plugin).toMatchObject({ id: 'azure-sora', packageName: '@video-gen/provider-azure-sora' });
    const env = {
      AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com',
      AZURE_OPENAI_API_KEY: 'k',
      AZURE_OPENAI_DEPLOYMENT: 'd',
    };
    expect(plugin.hasCredentials!(env)).toBe(true);
    expect(plugin.hasCredentials!({ ...env, AZURE_OPENAI_DEPLOYMENT: '' })).toBe(false);
    expect(plugin.environmentVariables).toEqual([...VARS, 'AZURE_OPENAI_API_VERSION']);
  });
});
