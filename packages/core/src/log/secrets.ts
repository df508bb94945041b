/**
 * The process-wide set of secret values to scrub from logs. It lives on `globalThis` under a
 * `Symbol.for` key so that duplicated copies of this package (ESM and CJS, or two versions)
 * share one set: a key registered by one copy is redacted by all.
 */

const STORE = Symbol.for('video-gen.secrets');

/** Shorter values are too likely to occur in ordinary text to be replaced safely. */
export const MIN_SECRET_LENGTH = 8;

interface SecretStore {
  values: Set<string>;
  /** Longest first, so a secret that contains another is replaced whole. Rebuilt on change. */
  sorted: string[] | undefined;
}

function store(): SecretStore {
  const g = globalThis as { [STORE]?: SecretStore };
  g[STORE] ??= { values: new Set(), sorted: undefined };
  return g[STORE];
}

/**
 * Registers a secret value (an API key, a token) so that every log message and field redacts it,
 * wherever it appears. Values shorter than 8 characters, and non-strings, are ignored.
 *
 * Provider configs built with `defineProviderConfig` register their secret fields themselves;
 * call this for credentials obtained another way.
 *
 * @example
 * ```ts
 * registerSecret(process.env.MY_VENDOR_TOKEN);
 * getLibraryLogger().debug(`token is ${process.env.MY_VENDOR_TOKEN}`); // logs "token is [REDACTED]"
 * ```
 */
export function registerSecret(value: unknown): void {
  if (typeof value !== 'string') return;
  const trimmed = value.trim();
  if (trimmed.length < MIN_SECRET_LENGTH) return;
  const s = store();
  for (const v of new Set([value, trimmed])) {
    if (v.length >= MIN_SECRET_LENGTH && !s.values.has(v)) {
      s.values.add(v);
      s.sorted = undefined;
    }
  }
}

/** The registered secrets, longest first. */
export function registeredSecrets(): readonly string[] {
  const s = store();
  s.sorted ??= [...s.values].sort((a, b) => b.length - a.length);
  return s.sorted;
}

/** Forgets every registered secret. For tests only. */
export function clearSecrets(): void {
  const s = store();
  s.values.clear();
  s.sorted = undefined;
}
