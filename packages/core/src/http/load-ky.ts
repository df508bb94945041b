import type { KyInstance } from 'ky';

let ky: Promise<KyInstance> | undefined;

/**
 * Loads ky on first use. Importing it costs tens of milliseconds (it probes `new Request` at
 * import), which a program that never sends a request should not pay when it imports core.
 */
export function loadKy(): Promise<KyInstance> {
  ky ??= import('ky').then((module) => {
    // ky ships only ESM. The CommonJS build loads it with require(esm), which hands back the
    // module namespace wrapped once more, so the default export sits one level deeper there.
    const exported: unknown = module.default;
    return typeof exported === 'function'
      ? (exported as KyInstance)
      : (exported as { default: KyInstance }).default;
  });
  return ky;
}
