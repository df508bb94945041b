/**
 * First-party provider ids and the packages that provide them: imported on first use. A frozen
 * object without a prototype, so a lookup of `__proto__`, `constructor` or `toString` finds nothing.
 */
export const firstPartyProviders: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, {
    local: '@video-gen/provider-local',
    sora2: '@video-gen/provider-sora',
    'azure-sora': '@video-gen/provider-azure-sora',
    veo3: '@video-gen/provider-veo3',
    runway: '@video-gen/provider-runway',
  }),
);

/** The package of a first-party provider id; own entries only, whatever the id. */
export function firstPartyPackage(id: string): string | undefined {
  return Object.hasOwn(firstPartyProviders, id) ? firstPartyProviders[id] : undefined;
}
