import { ConfigurationError } from '@video-gen/core';
import { openAiSoraHandlers } from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SoraConfig } from './sora-config.js';
import { createSora, plugin } from './sora-provider.js';
import { context, request } from './test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.unstubAllEnvs();
});
afterAll(() => server.close());

describe('SoraConfig and the sora2 plugin', () => {
  it('creates a provider without a key, and the first submit names OPENAI_API_KEY', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    const provider = createSora();
    expect(provider.id).toBe('sora2');
    const error = await provider.submit(request(), context()).catch((e: unknown) => e);
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as ConfigurationError).message).toContain('OPENAI_API_KEY');
    expect((error as ConfigurationError).variables).toContain('OPENAI_API_KEY');
  });

  it('reads the key, base URL, organization and project from the environment', () => {
    const config = SoraConfig.fromEnvironment({
      envFile: false,
      env: {
        OPENAI_API_KEY: 'sk-env',
        OPENAI_BASE_URL: 'https://gateway.example/v1',
        OPENAI_ORGANIZATION: 'org-1',
        OPENAI_PROJECT_ID: 'proj-1',
      },
    });
    expect(config).toEqual({
      apiKey: 'sk-env',
      baseURL: 'https://gateway.example/v1',
      organization: 'org-1',
      project: 'proj-1',
    });
    expect(SoraConfig.environmentVariables).toEqual([
      'OPENAI_API_KEY',
      'OPENAI_BASE_URL',
      'OPENAI_ORG_ID',
      'OPENAI_ORGANIZATION',
      'OPENAI_PROJECT_ID',
    ]);
  });

  it('refuses unknown settings without quoting the key', () => {
    const error = (() => {
      try {
        SoraConfig.parse({ apiKey: 'sk-secret-value-123', baseUrl: 'x' });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(error!.message).not.toContain('sk-secret-value-123');
  });

  it('sends the organization, project and extra headers, through a custom base URL and fetch', async () => {
    const api = openAiSoraHandlers({ baseURL: 'https://gateway.example/openai/v1', apiKey: 'sk-gw' });
    server.use(...api.handlers);
    const calls: string[] = [];
    const provider = createSora({
      apiKey: 'sk-gw',
      baseURL: 'https://gateway.example/openai/v1',
      organization: 'org-1',
      project: 'proj-1',
      headers: { 'x-gateway-tenant': 'blue' },
      fetch: (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        // The SDK probes the fetch with a `data:` URL once (multipart support); only API calls count.
        if (!url.startsWith('data:')) calls.push(url);
        return fetch(input, init);
      },
    });
    await provider.submit(request(), context());
    expect(calls).toEqual(['https://gateway.example/openai/v1/videos']);
    expect(api.requests[0]!.headers).toMatchObject({
      authorization: 'Bearer sk-gw',
      'openai-organization': 'org-1',
      'openai-project': 'proj-1',
      'x-gateway-tenant': 'blue',
    });
  });

  it('describes itself to the registry', () => {
    expect(plugin).toMatchObject({ id: 'sora2', packageName: '@video-gen/provider-sora' });
    expect(plugin.hasCredentials!({ OPENAI_API_KEY: 'sk-x' })).toBe(true);
    expect(plugin.hasCredentials!({ OPENAI_API_KEY: ' ' })).toBe(false);
    expect(plugin.environmentVariables).toContain('OPENAI_API_KEY');
    expect(plugin.create({ apiKey: 'sk-x' }).models.map((m) => m.id)).toEqual([
      'sora-2',
      'sora-2-pro',
      'sora-2-2025-10-06',
      'sora-2-pro-2025-10-06',
      'sora-2-2025-12-08',
    ]);
  });
});
