import { ConfigurationError, generateVideo } from '@video-gen/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_KEY, FAST, mswServer, outPath, rejection, useVeo } from './test-helpers.js';
import { hasVeo3Credentials, resolveVeo3Config, Veo3Config } from './veo3-config.js';
import { createVeo3, plugin } from './veo3-provider.js';

const server = mswServer();

function configError(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    if (ConfigurationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

const fromEnv = (env: Record<string, string>) => Veo3Config.fromEnvironment({ env, envFile: false });

describe('Veo3Config modes', () => {
  it('reads enterprise mode from the environment, with the SDK default location global', () => {
    const resolved = resolveVeo3Config(
      fromEnv({ GOOGLE_GENAI_USE_ENTERPRISE: 'true', GOOGLE_CLOUD_PROJECT: 'acme' }),
    );
    expect(resolved).toMatchObject({ mode: 'enterprise', project: 'acme', location: 'global' });
    const regional = resolveVeo3Config(
      fromEnv({
        GOOGLE_GENAI_USE_VERTEXAI: 'True',
        GOOGLE_CLOUD_PROJECT: 'acme',
        GOOGLE_CLOUD_LOCATION: 'us-central1',
      }),
    );
    expect(regional).toMatchObject({ mode: 'enterprise', location: 'us-central1' });
  });

  it('prefers the project over a key when both are set with the Vertex flag, as the SDK does', () => {
    const resolved = resolveVeo3Config(
      fromEnv({ GOOGLE_GENAI_USE_ENTERPRISE: '1', GOOGLE_CLOUD_PROJECT: 'acme', GOOGLE_API_KEY: API_KEY }),
    );
    expect(resolved.mode).toBe('enterprise');
  });

  it('reads express mode from a Google Cloud API key with the Vertex flag', () => {
    expect(
      resolveVeo3Config(fromEnv({ GOOGLE_GENAI_USE_ENTERPRISE: 'yes', GOOGLE_CLOUD_API_KEY: API_KEY })),
    ).toMatchObject({ mode: 'express', apiKey: API_KEY });
  });

  it('names each combination of variables that works when nothing is set', () => {
    const error = configError(() => resolveVeo3Config(fromEnv({})));
    expect(error.message).toContain('veo3 configuration: no credentials found. Any one of these works:');
    expect(error.message).toContain(
      '(1) Vertex AI in a project: GOOGLE_CLOUD_PROJECT (GOOGLE_CLOUD_LOCATION is optional, default global) with application default credentials',
    );
    expect(error.message).toContain(
      '(2) Vertex AI express mode: GOOGLE_GENAI_USE_ENTERPRISE=true with GOOGLE_API_KEY or GOOGLE_CLOUD_API_KEY',
    );
    expect(error.message).toContain(
      '(3) the Gemini Developer API (legacy): GEMINI_API_KEY or GOOGLE_API_KEY',
    );
    expect(error.message).toContain('GOOGLE_CLOUD_LOCATION or the flag alone is not enough');
    expect(error.variables).toEqual(
      expect.arrayContaining(['GOOGLE_CLOUD_PROJECT', 'GOOGLE_API_KEY', 'GOOGLE_GENAI_USE_ENTERPRISE']),
    );
  });

  it('says enterprise mode lacks GOOGLE_CLOUD_PROJECT when only the flag is set', () => {
    const error = configError(() => resolveVeo3Config(fromEnv({ GOOGLE_GENAI_USE_ENTERPRISE: 'true' })));
    expect(error.message).toContain(
      'mode enterprise (Vertex AI with Google Cloud credentials) needs a project: set GOOGLE_CLOUD_PROJECT',
    );
    expect(error.variables).toContain('GOOGLE_CLOUD_PROJECT');
  });

  it('says express mode lacks GOOGLE_API_KEY when the mode is asked for without a key', () => {
    const error = configError(() => resolveVeo3Config({ mode: 'express' }));
    expect(error.message).toContain(
      'mode express (Vertex AI with an API key) needs a key: set GOOGLE_API_KEY or GOOGLE_CLOUD_API_KEY',
    );
    expect(error.variables).toEqual(expect.arrayContaining(['GOOGLE_API_KEY', 'GOOGLE_CLOUD_API_KEY']));
  });

  it('selects the legacy Gemini Developer API mode for GEMINI_API_KEY without the Vertex flag', () => {
    expect(resolveVeo3Config(fromEnv({ GEMINI_API_KEY: API_KEY }))).toMatchObject({
      mode: 'gemini-legacy',
      apiKey: API_KEY,
    });
  });

  it('says the legacy mode lacks GEMINI_API_KEY when it is asked for without a key', () => {
    const error = configError(() => resolveVeo3Config({ mode: 'gemini-legacy' }));
    expect(error.message).toContain(
      'mode gemini-legacy (the Gemini Developer API; legacy, Veo may be retired there) needs a key: set GEMINI_API_KEY or GOOGLE_API_KEY',
    );
    expect(error.variables).toEqual(['GEMINI_API_KEY', 'GOOGLE_API_KEY']);
  });

  it('rejects a malformed value naming its variable, never quoting the key', () => {
    const error = configError(() =>
      fromEnv({ GOOGLE_GENAI_USE_ENTERPRISE: 'maybe', GOOGLE_API_KEY: API_KEY }),
    );
    expect(error.message).toContain('GOOGLE_GENAI_USE_ENTERPRISE');
    expect(error.message).not.toContain(API_KEY);
  });

  it('reports hasCredentials for enterprise, express and legacy setups', () => {
    expect(hasVeo3Credentials({ GOOGLE_GENAI_USE_ENTERPRISE: 'true', GOOGLE_CLOUD_PROJECT: 'p' })).toBe(true);
    expect(hasVeo3Credentials({ GOOGLE_GENAI_USE_VERTEXAI: 'true', GOOGLE_API_KEY: 'k' })).toBe(true);
    expect(hasVeo3Credentials({ GOOGLE_CLOUD_PROJECT: 'p' })).toBe(true);
    expect(hasVeo3Credentials({ GEMINI_API_KEY: 'k' })).toBe(true);
    expect(hasVeo3Credentials({ GOOGLE_GENAI_USE_ENTERPRISE: 'false', GOOGLE_CLOUD_PROJECT: 'p' })).toBe(
      false,
    );
    expect(hasVeo3Credentials({})).toBe(false);
    expect(plugin.hasCredentials?.({ GOOGLE_GENAI_USE_ENTERPRISE: 'true', GOOGLE_CLOUD_API_KEY: 'k' })).toBe(
      true,
    );
    expect(plugin.environmentVariables).toEqual(
      expect.arrayContaining([
        'GOOGLE_CLOUD_PROJECT',
        'GOOGLE_CLOUD_LOCATION',
        'GOOGLE_API_KEY',
        'GEMINI_API_KEY',
      ]),
    );
  });
});

describe('createVeo3 reads credentials lazily', () => {
  it('creates without credentials and throws the ConfigurationError on the first generation, before any request', async () => {
    const fake = useVeo(server);
    expect(() => plugin.create()).not.toThrow();
    const provider = createVeo3({});
    expect(provider.id).toBe('veo3');
    const error = await rejection(generateVideo({ provider, prompt: 'waves', outPath: outPath(), ...FAST }));
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(error.message).toContain('no credentials found');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('provider: "veo3" by id', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is imported from this package by the registry and configured from the environment (express mode)', async () => {
    vi.stubEnv('GOOGLE_GENAI_USE_ENTERPRISE', 'true');
    vi.stubEnv('GOOGLE_API_KEY', API_KEY);
    const fake = useVeo(server, { mode: 'express', pollsBeforeDone: 0 });
    const result = await generateVideo({ provider: 'veo3', prompt: 'waves', outPath: outPath(), ...FAST });
    expect(result.provider).toBe('veo3');
    expect(fake.requestsOf('submit')[0]!.headers['x-goog-api-key']).toBe(API_KEY);
  });
});
