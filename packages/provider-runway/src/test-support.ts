import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type GenerateVideoOptions, type GenerateVideoResult, generateVideo } from '@video-gen/core';
import { type RunwayFakeOptions, type RunwayHandlers, runwayHandlers } from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createRunway } from './runway-provider.js';

/** A key long enough to be registered for redaction. */
export const API_KEY = 'rw_test_0123456789abcdefSECRET';

/** Short waits, so fault tests run in milliseconds. */
export const FAST = {
  poll: { initialIntervalMs: 5, maxIntervalMs: 20 },
  retry: { minDelayMs: 5, maxDelayMs: 20 },
} as const;

/** Starts one msw server for the test file; `mockRunway()` installs a fresh fake per test. */
export function useMswServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return {
    server,
    mockRunway(options: RunwayFakeOptions = {}): RunwayHandlers {
      const runway = runwayHandlers({ apiKey: API_KEY, ...options });
      server.use(...runway.handlers);
      return runway;
    },
  };
}

/** A provider pointed at the fake, polling as fast as core asks. */
export function testProvider(runway: RunwayHandlers) {
  return createRunway({ apiKey: API_KEY, baseURL: runway.baseURL, pollIntervalMs: 0 });
}

/** A fresh temp folder. */
export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'video-gen-runway-'));
}

/** Runs one generation against the fake into a temp folder. */
export function generate(
  runway: RunwayHandlers,
  options: Omit<GenerateVideoOptions, 'provider'> & { provider?: GenerateVideoOptions['provider'] },
): Promise<GenerateVideoResult> {
  return generateVideo({
    provider: testProvider(runway),
    outPath: path.join(tempDir(), 'out.mp4'),
    ...FAST,
    ...options,
  });
}

/** The MP4 box type at offset 4 (`ftyp`). */
export async function boxType(file: string): Promise<string> {
  return (await readFile(file)).subarray(4, 8).toString('latin1');
}

/** Catches the rejection of a promise (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}
