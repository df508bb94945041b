// 200 concurrent generations against a real loopback Runway fake behind a proxy that enforces a
// vendor-style rate limit (429 with Retry-After when more than 25 calls start within 250 ms).
// Every job must finish, with exactly one accepted submit each.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateVideo } from '@video-gen/core';
import { createRunway } from '@video-gen/provider-runway';
import { type LoopbackServer, startLoopbackServer, startRunwayLoopback } from '@video-gen/testing/loopback';
import { afterAll, describe, expect, it } from 'vitest';

const WINDOW_MS = 250;
const PER_WINDOW = 25;
const servers: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** Forwards to `upstream`, answering 429 (Retry-After: 1) past the rate limit. */
async function rateLimitingProxy(upstream: string): Promise<LoopbackServer & { refused: () => number }> {
  const started: number[] = [];
  let refused = 0;
  const proxy = await startLoopbackServer(async (request, response) => {
    const now = Date.now();
    while (started.length > 0 && started[0]! <= now - WINDOW_MS) started.shift();
    if (started.length >= PER_WINDOW) {
      refused++;
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
      response.end(JSON.stringify({ error: 'Too many requests' }));
      return;
    }
    started.push(now);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers.set(name, value);
    }
    const answer = await fetch(`${upstream}${request.url}`, {
      method: request.method,
      headers,
      ...(request.body.byteLength > 0 ? { body: new Uint8Array(request.body) } : {}),
    });
    const body = Buffer.from(await answer.arrayBuffer());
    response.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    });
    response.end(body);
  });
  return Object.assign(proxy, { refused: () => refused });
}

describe('load: 200 concurrent generations against a rate-limited loopback vendor', () => {
  it('all finish, each with exactly one accepted submit, with 429s absorbed', async () => {
    const upstream = await startRunwayLoopback({ apiKey: 'test' });
    servers.push(upstream);
    const proxy = await rateLimitingProxy(upstream.url);
    servers.push(proxy);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-load-'));
    const provider = createRunway({ apiKey: 'test', baseURL: proxy.url, pollIntervalMs: 0 });
    const started = Date.now();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        generateVideo({
          provider,
          model: 'veo3.1_fast',
          prompt: `load ${i}`,
          durationSeconds: 4,
          outPath: path.join(dir, `${i}.mp4`),
          allowLoopbackDownloads: true,
          ledger: false,
          poll: { initialIntervalMs: 50, maxIntervalMs: 400 },
          retry: { minDelayMs: 50, maxDelayMs: 1_000, retries: 6 },
        }),
      ),
    );
    const failures = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(failures.map((failure) => String((failure as PromiseRejectedResult).reason))).toEqual([]);
    expect(upstream.apiRequests('POST', '/v1/text_to_video')).toHaveLength(200);
    expect(proxy.refused()).toBeGreaterThan(0);
    const sample = readFileSync(path.join(dir, '0.mp4'));
    expect(sample.subarray(4, 8).toString('latin1')).toBe('ftyp');
    console.log(
      `load: 200 jobs in ${((Date.now() - started) / 1000).toFixed(1)} s, ${proxy.refused()} calls answered 429`,
    );
  }, 120_000);
});
