import { defineProviderConfig } from '@video-gen/core';
import { z } from 'zod';

/** Runway's API origin. */
const DEFAULT_BASE_URL = 'https://api.dev.runwayml.com';
/** The API version this package speaks (the `X-Runway-Version` header). */
const DEFAULT_API_VERSION = '2024-11-06';
/**
 * No fixed hint: core's poll schedule, whose request budget never sends more task fetches than a
 * poller every 5 s would, places the polls (docs/polling.md).
 */
const DEFAULT_POLL_INTERVAL_MS = 0;

const schema = z.strictObject({
  apiKey: z.string().min(1),
  baseURL: z.url({ protocol: /^https?$/ }).default(DEFAULT_BASE_URL),
  apiVersion: z.string().min(1).default(DEFAULT_API_VERSION),
  headers: z.record(z.string(), z.string()).optional(),
  fetch: z
    .custom<typeof globalThis.fetch>((value) => typeof value === 'function', 'expected a fetch function')
    .optional(),
  pollIntervalMs: z.coerce.number().int().min(0).default(DEFAULT_POLL_INTERVAL_MS),
});

/**
 * Settings of the Runway provider. Every field is optional: the key comes from
 * `RUNWAYML_API_SECRET` (or `RUNWAY_API_KEY`) and the base URL from `RUNWAYML_BASE_URL` when not
 * given, read on the first call that needs them.
 *
 * @example
 * ```ts
 * const settings: RunwayConfig = { apiKey: process.env.MY_RUNWAY_KEY, baseURL: 'https://gateway.example.com' };
 * const provider = createRunway(settings);
 * ```
 */
export interface RunwayConfig {
  /** The API secret. Default: `RUNWAYML_API_SECRET`, then `RUNWAY_API_KEY`. */
  readonly apiKey?: string | undefined;
  /** The API origin (a proxy, a gateway, a test server). Default: `RUNWAYML_BASE_URL`, then `https://api.dev.runwayml.com`. */
  readonly baseURL?: string | undefined;
  /** The `X-Runway-Version` sent on every call. Default `2024-11-06`. */
  readonly apiVersion?: string | undefined;
  /** Extra headers sent on every API call (a gateway's own auth, tracing). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The `fetch` the Runway SDK uses. Default: the global `fetch`, looked up at call time. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /**
   * A fixed wait between two task polls, in milliseconds, handed to core as the vendor's hint (core's
   * request budget still applies). Default 0: no hint, core's poll schedule places the polls.
   */
  readonly pollIntervalMs?: number | undefined;
}

/** A validated config with every default filled in. */
export type ResolvedRunwayConfig = z.output<typeof schema>;

/**
 * The Runway config definition: `RunwayConfig.fromEnvironment()` reads `RUNWAYML_API_SECRET` (or
 * `RUNWAY_API_KEY`, as the Python library did), `RUNWAYML_BASE_URL` and `RUNWAY_POLL_INTERVAL_MS`
 * from the environment and `.env`; `RunwayConfig.parse(config)` validates explicit settings. A
 * missing key is a ConfigurationError naming both variables; the key is registered as a secret, so
 * logs and errors redact it.
 *
 * @example
 * ```ts
 * const config = RunwayConfig.fromEnvironment({ overrides: { baseURL: 'http://127.0.0.1:8080' } });
 * // no key → ConfigurationError: "runway configuration: apiKey is required: set RUNWAYML_API_SECRET or RUNWAY_API_KEY"
 * ```
 */
export const RunwayConfig = defineProviderConfig({
  provider: 'runway',
  schema,
  env: {
    apiKey: ['RUNWAYML_API_SECRET', 'RUNWAY_API_KEY'],
    baseURL: ['RUNWAYML_BASE_URL'],
    pollIntervalMs: ['RUNWAY_POLL_INTERVAL_MS'],
  },
  secrets: ['apiKey'],
});

/** Explicit settings win; anything left out comes from the environment. Throws ConfigurationError. */
export function resolveRunwayConfig(config: RunwayConfig): ResolvedRunwayConfig {
  const overrides = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
  return RunwayConfig.fromEnvironment({ overrides });
}
