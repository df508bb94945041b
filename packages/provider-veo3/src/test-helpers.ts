// Shared by this package's tests; not part of the build (tsup bundles from index.ts only).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GenerationSettings } from '@video-gen/core';
import { type GoogleVeoHandlersOptions, googleVeoHandlers } from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Veo3Config } from './veo3-config.js';

export const PROJECT = 'test-project';
export const LOCATION = 'us-central1';
export const ACCESS_TOKEN = 'ya29.test-access-token-0123456789';
export const API_KEY = 'AIzaSyTest-express-key-0123456789';

/** Enterprise config with an injected token: nothing reaches ADC or the metadata server. */
export const enterpriseConfig: Veo3Config = {
  project: PROJECT,
  location: LOCATION,
  accessToken: ACCESS_TOKEN,
};

/** Express config. */
export const expressConfig: Veo3Config = { mode: 'express', apiKey: API_KEY };

/** Short polls and retries, so fault tests run in milliseconds. */
export const FAST: GenerationSettings = {
  poll: { initialIntervalMs: 5, maxIntervalMs: 20 },
  retry: { minDelayMs: 1, maxDelayMs: 5 },
};

/**
 * An msw server for one test file: every unhandled request is an error, so a request to a real
 * Google host (or the metadata server) fails the test.
 */
export function mswServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** Installs fake Veo handlers with the test credentials and returns the fake. */
export function useVeo(server: ReturnType<typeof setupServer>, options: GoogleVeoHandlersOptions = {}) {
  const veo = googleVeoHandlers({
    project: PROJECT,
    location: LOCATION,
    accessToken: ACCESS_TOKEN,
    apiKey: API_KEY,
    ...options,
  });
  server.use(...veo.handlers);
  return veo.fake;
}

/** A fresh output path in a fresh temp folder. */
export function outPath(name = 'clip.mp4'): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'video-gen-veo3-test-')), name);
}

/** The rejection of a promise (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error) => error,
  );
}
