import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigurationError } from '@video-gen/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localConfigSchema, resolveLocalConfig } from './local-config.js';

const dist = pathToFileURL(fileURLToPath(new URL('../dist/index.js', import.meta.url))).href;

describe('localConfigSchema', () => {
  it('is a zod schema: parses, refuses typos, composes and passes instanceof', () => {
    expect(localConfigSchema.parse({ preset: 'ultrafast' })).toEqual({ preset: 'ultrafast' });
    expect(localConfigSchema.safeParse({ prest: 'ultrafast' }).success).toBe(false);
    expect(localConfigSchema).toBeInstanceOf(z.ZodType);
    const wrapped = z.object({ local: localConfigSchema });
    expect(wrapped.parse({ local: { jobsDir: 'j' } })).toEqual({ local: { jobsDir: 'j' } });
    expect(wrapped.safeParse({ local: { jobsDir: '' } }).success).toBe(false);
  });
});

describe('resolveLocalConfig', () => {
  const accepted = [
    {},
    { preset: 'slow' },
    { jobsDir: 'j', ffmpegPath: 'f', simulatedQueueMs: 0, keepFinishedMs: 5 },
  ];
  const refused = [
    { preset: 'warp' },
    { jobsDir: '' },
    { simulatedQueueMs: -1 },
    { keepFinishedMs: 1.5 },
    { ffmpegPath: 3 },
    { prest: 'slow' },
    [],
    null,
  ];

  it.each(accepted)('accepts what the schema accepts: %j', (config) => {
    expect(localConfigSchema.safeParse(config).success).toBe(true);
    expect(() => resolveLocalConfig(config as never)).not.toThrow();
  });

  it.each(refused)('refuses what the schema refuses, naming the field: %j', (config) => {
    expect(localConfigSchema.safeParse(config).success).toBe(false);
    const error = (() => {
      try {
        resolveLocalConfig(config as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(String((error as Error).message)).toContain('Invalid local provider config');
  });

  it('loads no zod for a valid config: importing the built package, creating, checking options', () => {
    const setUp = `const local = await import(${JSON.stringify(dist)});
      local.createLocal({ preset: 'ultrafast' }).parseProviderOptions({});`;

    expect(zodLoadedWhile(setUp)).toBe(false);
    // The same process shape, now touching the schema: the check above is not vacuous.
    expect(zodLoadedWhile(`${setUp}\nlocal.localConfigSchema.parse({});`)).toBe(true);
  });
});

/** Whether a fresh Node process running `code` resolves or requires any file of zod. */
function zodLoadedWhile(code: string): boolean {
  const hooks = `export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.includes('/zod/')) process._rawDebug('ZOD ' + r.url); return r; }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  const printRequired = `const { createRequire } = await import('node:module');
    if (Object.keys(createRequire(process.cwd() + '/').cache).some((file) => file.includes('/zod/'))) console.log('ZOD required');`;
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(register)}`,
      '--input-type=module',
      '-e',
      `${code}\n${printRequired}`,
    ],
    {
      encoding: 'utf8',
      cwd: path.dirname(fileURLToPath(import.meta.url)),
      env: { ...process.env, VIDEO_GEN_LOG_FILE: 'off' },
    },
  );
  expect(run.status, run.stderr).toBe(0);
  return `${run.stdout}${run.stderr}`.includes('ZOD');
}
