import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AuthenticationError,
  configureLogging,
  defineProviderConfig,
  generateVideo,
  type VideoProvider,
} from '../src/index.js';
import { createFakeProvider } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

const SENTINEL = 'sk-test-SENTINEL-lifecycle-9f8e7d6c5b4a';

const keyedConfig = defineProviderConfig({
  provider: 'keyed',
  schema: z.object({ apiKey: z.string().min(1) }),
  env: { apiKey: ['KEYED_API_KEY'] },
  secrets: ['apiKey'],
});

afterEach(() => configureLogging({ file: false }));

describe('secrets', () => {
  it('a sentinel API key never reaches the log file or an error message', async () => {
    const dir = tempDir();
    const logFile = path.join(dir, 'logs', 'video_gen.log');
    configureLogging({ file: logFile, level: 'debug' });
    const { apiKey } = keyedConfig.fromEnvironment({ env: { KEYED_API_KEY: SENTINEL }, envFile: false });
    const fake = createFakeProvider({ stateDir: path.join(dir, 'state'), videoPath: tinyMp4() });
    const provider: VideoProvider = {
      ...fake,
      id: 'keyed',
      async submit(_request, ctx) {
        ctx.logger.debug('POST /videos', {
          headers: { Authorization: `Bearer ${apiKey}`, 'api-key': apiKey },
          url: `https://vendor.example/v1/videos?key=${apiKey}`,
        });
        throw new AuthenticationError(`Incorrect API key provided: ${apiKey}`, {
          status: 401,
          body: JSON.stringify({ error: { message: `Incorrect API key provided: ${apiKey}` } }),
          provider: 'keyed',
        });
      },
    };
    const error = (await generateVideo({ provider, prompt: 'waves', outPath: path.join(dir, 'a.mp4') }).catch(
      (e: unknown) => e,
    )) as AuthenticationError;
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(`${error.message} ${error.body} ${String(error.stack)}`).not.toContain(SENTINEL);
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('POST /videos');
    expect(log).not.toContain(SENTINEL);
  });

  it('a config error names the variable and never the secret', () => {
    let message = '';
    try {
      keyedConfig.fromEnvironment({ env: {}, envFile: false });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('KEYED_API_KEY');
  });
});
