import { configureLogging, generateVideo, type LogRecord, setLogSink } from '@video-gen/core';
import { azureSoraFaults, azureSoraHandlers } from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAST, outPath } from '../../provider-sora/src/test-support.js';
import { createAzureSora } from './azure-sora-provider.js';

const KEY = 'azure-secret-key-5f3a9c1e7b';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  setLogSink(null);
});
afterAll(() => server.close());

describe('createAzureSora: secrets', () => {
  it('keeps the key out of every log record, journal and error, through a success and a failure', async () => {
    const records: LogRecord[] = [];
    configureLogging({ level: 'debug', sink: (record) => records.push(record) });
    const settings = {
      endpoint: 'https://video-gen-test.openai.azure.com',
      apiKey: KEY,
      deployment: 'my-sora-2',
    };

    server.use(...azureSoraHandlers({ apiKey: KEY }).handlers);
    await generateVideo({
      ...FAST,
      provider: createAzureSora(settings),
      prompt: 'waves',
      outPath: outPath(),
    });

    server.use(...azureSoraHandlers({ apiKey: KEY, faults: [azureSoraFaults.unauthorized()] }).handlers);
    const error = (await generateVideo({
      ...FAST,
      provider: createAzureSora(settings),
      prompt: 'waves',
      outPath: outPath(),
    }).catch((e: unknown) => e as Error)) as Error;

    expect(records.length).toBeGreaterThan(0);
    expect(JSON.stringify(records)).not.toContain(KEY);
    expect(`${error.message} ${String(error.stack)} ${JSON.stringify(error)}`).not.toContain(KEY);
  });
});
