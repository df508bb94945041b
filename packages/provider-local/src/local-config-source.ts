import type { ProviderConfigSource } from '@video-gen/core';
import { type LocalConfig, resolveLocalConfig } from './local-config.js';

/**
 * The local provider's config definition, for `createConfigForBackend('local')`. The provider
 * reads no environment variable but `FFMPEG_PATH` (when it looks ffmpeg up), so
 * `fromEnvironment()` returns the overrides, validated.
 *
 * @example
 * ```ts
 * const config = LocalConfigSource.fromEnvironment({ overrides: { preset: 'ultrafast' } });
 * ```
 */
export const LocalConfigSource: ProviderConfigSource<LocalConfig> = {
  provider: 'local',
  environmentVariables: ['FFMPEG_PATH'],
  parse(input) {
    const config = (input ?? {}) as LocalConfig;
    resolveLocalConfig(config);
    return config;
  },
  fromEnvironment(options = {}) {
    const values: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(options.overrides ?? {})) {
      if (value !== undefined) values[field] = value;
    }
    return LocalConfigSource.parse(values);
  },
};
