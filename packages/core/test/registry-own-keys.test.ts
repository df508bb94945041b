import { describe, expect, it } from 'vitest';
import {
  firstPartyProviders,
  getProvider,
  ProviderNotFoundError,
  resolveProviderPlugin,
} from '../src/index.js';

const INHERITED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('provider registry lookups use own entries only', () => {
  it.each(INHERITED)('"%s" is an unknown provider, and nothing is imported', async (id) => {
    const imported: unknown[] = [];
    const error = await resolveProviderPlugin(id, async (specifier) => {
      imported.push(specifier);
      return {};
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );

    expect(ProviderNotFoundError.isInstance(error)).toBe(true);
    const notFound = error as ProviderNotFoundError;
    expect(notFound.message).toContain(`Unknown provider "${id}". Known providers: local, sora2`);
    expect(notFound.message).not.toMatch(/\[object Object\]|\[native code\]|npm install/);
    expect(notFound.packageName).toBeUndefined();
    expect(imported).toEqual([]);
  });

  it('getProvider("__proto__") is a ProviderNotFoundError, not a TypeError', async () => {
    await expect(getProvider('__proto__')).rejects.toSatisfy((error) =>
      ProviderNotFoundError.isInstance(error),
    );
  });

  it('firstPartyProviders holds only the first-party ids', () => {
    expect(Object.keys(firstPartyProviders)).toEqual(['local', 'sora2', 'azure-sora', 'veo3', 'runway']);
    for (const id of INHERITED) expect(firstPartyProviders[id]).toBeUndefined();
  });

  it('a non-string id is an unknown provider', async () => {
    await expect(resolveProviderPlugin({} as unknown as string)).rejects.toThrow(
      /^Unknown provider of type object\./,
    );
  });
});
