import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigurationError } from '../errors/configuration-error.js';
import { configureLogging, getLibraryLogger, resetLogging } from '../log/library-logger.js';
import { clearSecrets } from '../log/secrets.js';
import { defineProviderConfig } from './define-provider-config.js';
import { envBoolean } from './env-boolean.js';

const SECRET = 'opaque-vendor-secret-0987654321';

const sora = defineProviderConfig({
  provider: 'sora2',
  schema: z.object({
    apiKey: z.string().min(1),
    baseUrl: z.url().default('https://api.openai.com/v1'),
    pollIntervalMs: z.coerce.number().int().positive().default(5000),
    verbose: envBoolean().default(false),
  }),
  env: {
    apiKey: ['OPENAI_API_KEY', 'SORA_API_KEY'],
    baseUrl: ['OPENAI_BASE_URL'],
    pollIntervalMs: ['SORA_POLL_INTERVAL_MS'],
    verbose: ['SORA_VERBOSE'],
  },
  secrets: ['apiKey'],
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'video-gen-config-'));
});
afterEach(() => {
  resetLogging();
  clearSecrets();
  rmSync(dir, { recursive: true, force: true });
});

function catchError(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('defineProviderConfig', () => {
  it('lists its environment variables', () => {
    expect(sora.environmentVariables).toEqual([
      'OPENAI_API_KEY',
      'SORA_API_KEY',
      'OPENAI_BASE_URL',
      'SORA_POLL_INTERVAL_MS',
      'SORA_VERBOSE',
    ]);
  });

  it('parses explicit input with defaults', () => {
    expect(sora.parse({ apiKey: SECRET })).toEqual({
      apiKey: SECRET,
      baseUrl: 'https://api.openai.com/v1',
      pollIntervalMs: 5000,
      verbose: false,
    });
  });

  it('names the missing field and the variable to set', () => {
    const error = catchError(() => sora.fromEnvironment({ env: {}, envFile: false }));
    expect(error.message).toBe('sora2 configuration: apiKey is required: set OPENAI_API_KEY or SORA_API_KEY');
    expect(error.variables).toEqual(['OPENAI_API_KEY', 'SORA_API_KEY']);
    expect(error.provider).toBe('sora2');
    expect(error.code).toBe('configuration_invalid');
  });

  it('names every bad field and the variable that supplied it', () => {
    const error = catchError(() =>
      sora.fromEnvironment({
        env: { OPENAI_BASE_URL: 'not a url', SORA_POLL_INTERVAL_MS: 'soon', SORA_VERBOSE: 'maybe' },
        envFile: false,
      }),
    );
    expect(error.message).toContain('apiKey is required: set OPENAI_API_KEY or SORA_API_KEY');
    expect(error.message).toContain('baseUrl is invalid: Invalid URL (from OPENAI_BASE_URL)');
    expect(error.message).toMatch(/pollIntervalMs is invalid: .* \(from SORA_POLL_INTERVAL_MS\)/);
    expect(error.message).toMatch(/verbose is invalid: expected a boolean .* \(from SORA_VERBOSE\)/);
    expect(error.variables).toEqual(
      expect.arrayContaining(['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'SORA_POLL_INTERVAL_MS', 'SORA_VERBOSE']),
    );
  });

  it('never puts a secret value in the error message', () => {
    const strict = defineProviderConfig({
      provider: 'acme',
      schema: z.object({
        token: z
          .string()
          .refine((v) => v.startsWith('acme_'), { error: (i) => `bad token ${String(i.input)}` }),
      }),
      env: { token: ['ACME_TOKEN'] },
      secrets: ['token'],
    });
    const error = catchError(() => strict.fromEnvironment({ env: { ACME_TOKEN: SECRET }, envFile: false }));
    expect(error.message).toContain('token is invalid');
    expect(error.message).toContain('ACME_TOKEN');
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it('reads the environment and .env, coerces strings, and the first variable set wins', () => {
    writeFileSync(join(dir, '.env'), `SORA_API_KEY=${SECRET}\nSORA_POLL_INTERVAL_MS=250\nSORA_VERBOSE=yes\n`);
    const config = sora.fromEnvironment({ cwd: dir, env: { OPENAI_API_KEY: 'sk-from-process-env-000000' } });
    expect(config).toEqual({
      apiKey: 'sk-from-process-env-000000',
      baseUrl: 'https://api.openai.com/v1',
      pollIntervalMs: 250,
      verbose: true,
    });
  });

  it('lets explicit overrides win, ignoring undefined ones', () => {
    const config = sora.fromEnvironment({
      env: { OPENAI_API_KEY: SECRET, SORA_POLL_INTERVAL_MS: 'not a number', SORA_VERBOSE: 'on' },
      envFile: false,
      overrides: { pollIntervalMs: 100, verbose: false, apiKey: undefined },
    });
    expect(config).toMatchObject({ apiKey: SECRET, pollIntervalMs: 100, verbose: false });
  });

  it('reports a bad override without blaming the environment', () => {
    const error = catchError(() =>
      sora.fromEnvironment({
        env: { OPENAI_API_KEY: SECRET },
        envFile: false,
        overrides: { pollIntervalMs: -1 },
      }),
    );
    expect(error.message).toMatch(
      /^sora2 configuration: pollIntervalMs is invalid: .* \(set SORA_POLL_INTERVAL_MS\)$/,
    );
  });

  it('rejects a non-object', () => {
    expect(catchError(() => sora.parse('nope')).message).toBe('sora2 configuration: expected an object');
  });

  it('registers secret fields so the logs redact them', () => {
    const file = join(dir, 'log.txt');
    configureLogging({ file });
    sora.fromEnvironment({ env: { OPENAI_API_KEY: SECRET }, envFile: false });
    getLibraryLogger().debug(`the key is ${SECRET}`, { raw: SECRET });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('[REDACTED]');
    expect(text).not.toContain(SECRET);
  });
});
