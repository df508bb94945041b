import { afterEach, describe, expect, it } from 'vitest';
import {
  getProvider,
  listProviderIds,
  ProviderNotFoundError,
  type ProviderPlugin,
  registerProvider,
  resolveProviderPlugin,
  unregisterProvider,
} from '../src/index.js';
import { createFakeProvider } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

const plugin: ProviderPlugin<{ stateDir: string }> = {
  id: 'acme',
  packageName: 'acme-video-gen',
  create: (config) => ({
    ...createFakeProvider({ stateDir: config?.stateDir ?? tempDir(), videoPath: tinyMp4() }),
    id: 'acme',
  }),
};

afterEach(() => {
  unregisterProvider('acme');
});

describe('provider registry', () => {
  it('resolves a registered third-party plugin by id, passing its config', async () => {
    registerProvider(plugin);
    const provider = await getProvider('acme', { stateDir: tempDir() });
    expect(provider.id).toBe('acme');
    expect(listProviderIds().registered).toContain('acme');
  });

  it('names the known providers for an unknown id', async () => {
    const error = await resolveProviderPlugin('nope').catch((e: unknown) => e);
    expect(ProviderNotFoundError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('Unknown provider "nope"');
    expect((error as Error).message).toContain('local, sora2, azure-sora, veo3, runway');
  });

  it('names the package to install when a first-party provider is missing', async () => {
    const error = await resolveProviderPlugin(
      'veo3',
      async () => {
        throw Object.assign(new Error("Cannot find package '@video-gen/provider-veo3'"), {
          code: 'ERR_MODULE_NOT_FOUND',
        });
      },
      () => undefined,
    ).catch((e: unknown) => e);
    expect(ProviderNotFoundError.isInstance(error)).toBe(true);
    expect((error as ProviderNotFoundError).packageName).toBe('@video-gen/provider-veo3');
    const message = (error as Error).message;
    expect(message).toContain('is not installed. Install it: npm install @video-gen/provider-veo3.');
    expect(message.match(/Install it/g)).toHaveLength(1);
    expect(message).toContain(
      "import { plugin } from '@video-gen/provider-veo3' and call registerProvider(plugin)",
    );
  });

  it('blames a bundler, not a missing install, when the package resolves but its import by name fails', async () => {
    const error = await resolveProviderPlugin('local', async () => {
      throw Object.assign(new Error("Cannot find module '@video-gen/provider-local'"), {
        code: 'MODULE_NOT_FOUND',
      });
    }).catch((e: unknown) => e);
    expect(ProviderNotFoundError.isInstance(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).not.toContain('not installed');
    expect(message).toMatch(/is installed \(.*provider-local.*\) but could not be imported by name/);
    expect(message).toContain('A bundler is the usual cause');
    expect(message).toContain('registerProvider(plugin)');
  });

  it('blames a bundler when the import fails for a reason other than a missing package', async () => {
    const error = await resolveProviderPlugin(
      'runway',
      async () => {
        throw new TypeError('__require is not a function');
      },
      () => undefined,
    ).catch((e: unknown) => e);
    expect((error as Error).message).toContain('could not be imported by name: __require is not a function');
    expect((error as Error).message).toContain('A bundler is the usual cause');
  });

  it('imports a first-party package by name on first use and registers its plugin', async () => {
    const imported: string[] = [];
    const found = await resolveProviderPlugin('runway', async (name) => {
      imported.push(name);
      return { plugin: { ...plugin, id: 'runway' } };
    });
    expect(imported).toEqual(['@video-gen/provider-runway']);
    expect(found.id).toBe('runway');
    expect(listProviderIds().registered).toContain('runway');
    unregisterProvider('runway');
  });

  it('imports the real local provider package by name', async () => {
    const provider = await getProvider('local');
    expect(provider.id).toBe('local');
    expect(provider.models[0]?.images.firstFrame).toBe(true);
  });

  it('refuses a package whose plugin has another id', async () => {
    const error = await resolveProviderPlugin('sora2', async () => ({ plugin: { ...plugin } })).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toContain('does not export a plugin for "sora2"');
  });
});
