// A vendor quoting the credential back (in a 401 body, or an Entra token in a job failure) must not
// leak it through the error, its vendor-SDK cause chain, util.inspect or the ledger.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { generateVideo } from '@video-gen/core';
import { createAzureSora } from '@video-gen/provider-azure-sora';
import { createRunway } from '@video-gen/provider-runway';
import { createSora } from '@video-gen/provider-sora';
import { startAzureSoraServer } from '@video-gen/testing/loopback';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/files.js';
import { startVendor, type VendorId } from '../support/vendors.js';

/** A fetch answering the first POST with a 401 that quotes the credential it carried. */
function echoingFetch(vendor: VendorId): typeof globalThis.fetch {
  let answered = false;
  return async (input, init) => {
    const request = new Request(input, init);
    if (answered || request.method !== 'POST') return globalThis.fetch(input, init);
    answered = true;
    const h = request.headers;
    const raw = h.get('api-key') ?? (h.get('authorization') ?? '').replace(/^Bearer /, '');
    const quoted = `Incorrect API key provided: ${raw}`;
    const body =
      vendor === 'runway'
        ? { error: quoted }
        : { error: { message: quoted, type: 'invalid_request_error', code: 'invalid_api_key' } };
    return new Response(JSON.stringify(body), {
      status: 401,
      headers: { 'content-type': 'application/json' },
    });
  };
}

/** Every place of an error (and its causes) that holds `secret`. */
function leaks(error: unknown, secret: string): string[] {
  const out: string[] = [];
  if (inspect(error, { depth: 12, showHidden: true }).includes(secret))
    out.push('util.inspect (console.log / uncaught)');
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth++, current = current.cause) {
    const at = depth === 0 ? 'error' : `cause^${depth}`;
    if (current.message.includes(secret)) out.push(`${at}.message`);
    if (String(current.stack).includes(secret)) out.push(`${at}.stack`);
    for (const [key, value] of Object.entries(current)) {
      if ((typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).includes(secret))
        out.push(`${at}.${key}`);
    }
  }
  return out;
}

describe('a key the vendor quotes back is redacted from the error and its vendor-SDK cause chain', () => {
  const make = {
    sora2: (config: object, fetch: typeof globalThis.fetch) =>
      createSora({ ...(config as { apiKey: string }), fetch }),
    'azure-sora': (config: object, fetch: typeof globalThis.fetch) =>
      createAzureSora({ ...(config as { apiKey: string; deployment: string }), fetch }),
    runway: (config: object, fetch: typeof globalThis.fetch) =>
      createRunway({ ...(config as { apiKey: string }), fetch }),
  } as const;
  for (const vendor of ['sora2', 'azure-sora', 'runway'] as const) {
    it(`${vendor}: a 401 quoting the key`, async () => {
      const secret = `test-SENTINEL-leak-${vendor}-0123456789abcdef`;
      const harness = await startVendor(vendor, 'none', { secret });
      try {
        const error = await generateVideo({
          ...harness.options,
          provider: make[vendor](harness.config, echoingFetch(vendor)),
          prompt: 'leak',
          outPath: path.join(tempDir('leak'), 'clip.mp4'),
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(Error);
        expect(leaks(error, secret)).toEqual([]);
      } finally {
        await harness.close();
      }
    });
  }
});

describe('an Azure Entra token from azureADTokenProvider is registered as a secret', () => {
  const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test-SENTINEL-entra-0123456789abcdef';
  it('a 401 quoting the token: message, body, JSON', async () => {
    const server = await startAzureSoraServer({ bearerToken: TOKEN, deployment: 'my-sora-2' });
    try {
      const provider = createAzureSora({
        baseURL: server.url,
        deployment: 'my-sora-2',
        azureADTokenProvider: async () => TOKEN,
        fetch: echoingFetch('azure-sora'),
      });
      const error = await generateVideo({
        provider,
        prompt: 'leak',
        width: 1280,
        height: 720,
        durationSeconds: 4,
        ledger: false,
        outPath: path.join(tempDir('leak'), 'clip.mp4'),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(JSON.stringify(error)).not.toContain(TOKEN);
      expect(leaks(error, TOKEN)).toEqual([]);
    } finally {
      await server.close();
    }
  });
  it('a job failure quoting the token: message and ledger record', async () => {
    const server = await startAzureSoraServer({
      bearerToken: TOKEN,
      deployment: 'my-sora-2',
      outcome: { failed: { code: 'internal_error', message: `render crashed for ${TOKEN}` } },
    });
    const ledger = tempDir('leak-ledger');
    try {
      const provider = createAzureSora({
        baseURL: server.url,
        deployment: 'my-sora-2',
        azureADTokenProvider: async () => TOKEN,
      });
      const error = await generateVideo({
        provider,
        prompt: 'leak',
        width: 1280,
        height: 720,
        durationSeconds: 4,
        ledger,
        poll: { initialIntervalMs: 5, maxIntervalMs: 20 },
        allowLoopbackDownloads: true,
        outPath: path.join(tempDir('leak'), 'clip.mp4'),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      const records = readdirSync(ledger).map((name) => readFileSync(path.join(ledger, name), 'utf8'));
      expect(records.filter((text) => text.includes(TOKEN))).toEqual([]);
      expect(leaks(error, TOKEN)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
