import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configForBackend } from '../src/config/create-config-for-backend.js';
import {
  ConfigurationError,
  createConfigForBackend,
  defineProviderConfig,
  ProviderNotFoundError,
  type ProviderPlugin,
  registerProvider,
  unregisterProvider,
  VIDEO_BACKENDS,
  type VideoBackend,
} from '../src/index.js';
import { firstPartyProviders } from '../src/registry/index.js';

const acmeConfig = defineProviderConfig({
  provider: 'acme',
  schema: z.strictObject({ apiKey: z.string().min(1), region: z.string().default('eu') }),
  env: { apiKey: ['ACME_API_KEY'], region: ['ACME_REGION'] },
  secrets: ['apiKey'],
});

const stubProvider = () => {
  throw new Error('not used');
};

afterEach(() => {
  unregisterProvider('acme');
  unregisterProvider('bare');
});

describe('VideoBackend', () => {
  it('lists exactly the first-party registry ids', () => {
    expect([...VIDEO_BACKENDS]).toEqual(Object.keys(firstPartyProviders));
    const backend: VideoBackend = 'azure-sora';
    expect(VIDEO_BACKENDS).toContain(backend);
  });
});

describe('createConfigForBackend', () => {
  it("imports a first-party package and returns its config, whose fromEnvironment() reads the provider's variables", async () => {
    const source = await createConfigForBackend('sora2');
    expect(source.provider).toBe('sora2');
    expect(source.environmentVariables).toContain('OPENAI_API_KEY');
    const config = source.fromEnvironment({ env: { OPENAI_API_KEY: 'sk-parity' }, envFile: false });
    expect(config).toMatchObject({ apiKey: 'sk-parity' });
  });

  it('reports a missing first-party key as a ConfigurationError naming the variable', async () => {
    const source = await createConfigForBackend('runway');
    const error = (() => {
      try {
        return source.fromEnvironment({ env: {}, envFile: false });
      } catch (caught) {
        return caught;
      }
    })();
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('RUNWAY');
  });

  it("returns a registered third-party plugin's own config definition", async () => {
    const plugin: ProviderPlugin<z.input<typeof acmeConfig.schema>> = {
      id: 'acme',
      create: stubProvider,
      config: acmeConfig,
    };
    registerProvider(plugin);
    const source = await createConfigForBackend('acme');
    expect(source).toBe(acmeConfig);
    expect(source.fromEnvironment({ env: { ACME_API_KEY: 'k1' }, envFile: false })).toEqual({
      apiKey: 'k1',
      region: 'eu',
    });
  });

  it('gives a plugin without a config a pass-through one that keeps only the overrides set', async () => {
    registerProvider({ id: 'bare', create: stubProvider, environmentVariables: ['BARE_TOKEN'] });
    const source = await createConfigForBackend('bare');
    expect(source.provider).toBe('bare');
    expect(source.environmentVariables).toEqual(['BARE_TOKEN']);
    expect(source.fromEnvironment({ overrides: { a: 1, b: undefined } })).toEqual({ a: 1 });
    expect(source.fromEnvironment()).toEqual({});
  });

  it('refuses an unknown id with a ProviderNotFoundError listing the known ones', async () => {
    const error = await createConfigForBackend('nope').catch((caught: unknown) => caught);
    expect(ProviderNotFoundError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('Known providers: ');
    expect((error as Error).message).toContain('veo3');
  });

  it('names the package to install when a first-party package is missing', async () => {
    const missing = Object.assign(new Error("Cannot find package '@video-gen/provider-veo3'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const error = await configForBackend(
      'veo3',
      async () => {
        throw missing;
      },
      () => undefined,
    ).catch((caught: unknown) => caught);
    expect(ProviderNotFoundError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ packageName: '@video-gen/provider-veo3', provider: 'veo3' });
    expect((error as Error).message).toContain('npm install @video-gen/provider-veo3');
  });
});
