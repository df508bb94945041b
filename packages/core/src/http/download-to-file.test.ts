import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticationError, DownloadError, RateLimitError, type VideoGenError } from '../errors/index.js';
import { downloadToFile } from './download-to-file.js';
import {
  type LoopbackServer,
  rangeStart,
  startLoopbackServer,
  videoBytes,
} from './test-support/loopback-server.js';

const VIDEO = videoBytes(64 * 1024);
const SENTINEL = 'sk-SENTINEL-0123456789abcdef';
const AUTH = { authorization: `Bearer ${SENTINEL}` };

let dir: string;
let part: string;
const servers: LoopbackServer[] = [];

async function serve(handler: Parameters<typeof startLoopbackServer>[0]): Promise<LoopbackServer> {
  const server = await startLoopbackServer(handler);
  servers.push(server);
  return server;
}

/** Serves VIDEO, honouring `Range: bytes=N-`. */
function rangeHandler(): Parameters<typeof startLoopbackServer>[0] {
  return (req, res) => {
    const start = rangeStart(req);
    if (start === undefined) {
      res.writeHead(200, { 'content-length': VIDEO.length, 'content-type': 'video/mp4' });
      res.end(VIDEO);
    } else {
      res.writeHead(206, {
        'content-length': VIDEO.length - start,
        'content-range': `bytes ${start}-${VIDEO.length - 1}/${VIDEO.length}`,
      });
      res.end(VIDEO.subarray(start));
    }
  };
}

async function failure(promise: Promise<unknown>): Promise<VideoGenError> {
  try {
    await promise;
  } catch (error) {
    return error as VideoGenError;
  }
  throw new Error('expected the download to fail');
}

function expectNoSecrets(error: unknown): void {
  expect(`${(error as Error).message} ${inspect(error, { depth: 10 })}`).not.toContain(SENTINEL);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'video-gen-download-'));
});
beforeEach(() => {
  part = join(dir, `${Math.random().toString(36).slice(2)}.mp4.part`);
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('downloadToFile from a URL', () => {
  it('downloads the whole body and reports progress', async () => {
    const server = await serve(rangeHandler());
    const progress: [number, number | undefined][] = [];
    const result = await downloadToFile({ type: 'url', url: `${server.origin}/v.mp4` }, part, {
      allowLoopback: true,
      onBytes: (received, total) => progress.push([received, total]),
    });
    expect(result.bytes).toBe(VIDEO.length);
    expect((await readFile(part)).equals(VIDEO)).toBe(true);
    expect(progress.at(-1)).toEqual([VIDEO.length, VIDEO.length]);
    expect(server.seen[0]?.headers['accept-encoding']).toBe('identity');
  });

  it('resumes with Range after the connection is cut mid-body', async () => {
    let calls = 0;
    const server = await serve((req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(200, { 'content-length': VIDEO.length });
        // Send a third of the body, then drop the connection.
        res.write(VIDEO.subarray(0, 20_000), () => setTimeout(() => res.socket?.destroy(), 20));
        return;
      }
      rangeHandler()(req, res);
    });
    const source = { type: 'url', url: `${server.origin}/v.mp4` } as const;

    const error = await failure(downloadToFile(source, part, { allowLoopback: true }));
    expect(DownloadError.isInstance(error)).toBe(true);
    expect(error.code).toBe('truncated');
    expect(error.retryable).toBe(true);
    const kept = (await stat(part)).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(VIDEO.length);

    const result = await downloadToFile(source, part, { allowLoopback: true });
    expect(server.seen[1]?.headers.range).toBe(`bytes=${kept}-`);
    expect(result.bytes).toBe(VIDEO.length);
    expect((await readFile(part)).equals(VIDEO)).toBe(true);
  });

  it('reports a body shorter than the provider said as truncated and keeps it', async () => {
    // Chunked, so the body ends cleanly: only the provider's size tells it is short.
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      res.end(VIDEO.subarray(0, 1000));
    });
    const error = await failure(
      downloadToFile({ type: 'url', url: `${server.origin}/v.mp4`, size: VIDEO.length }, part, {
        allowLoopback: true,
      }),
    );
    expect(error.code).toBe('truncated');
    expect(error.retryable).toBe(true);
    expect((await stat(part)).size).toBe(1000);
  });

  it('refuses a response whose declared length contradicts the provider', async () => {
    const server = await serve((_req, res) => res.end(VIDEO.subarray(0, 1000)));
    const error = await failure(
      downloadToFile({ type: 'url', url: `${server.origin}/v.mp4`, size: VIDEO.length }, part, {
        allowLoopback: true,
      }),
    );
    expect(error.code).toBe('size_mismatch');
    expect(await exists(part)).toBe(false);
  });

  it('starts over cleanly when the server answers a Range request with 200', async () => {
    await writeFile(part, Buffer.from('stale bytes from another attempt'));
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': VIDEO.length });
      res.end(VIDEO);
    });
    const result = await downloadToFile({ type: 'url', url: `${server.origin}/v.mp4` }, part, {
      allowLoopback: true,
    });
    expect(server.seen[0]?.headers.range).toBe('bytes=32-');
    expect(result.bytes).toBe(VIDEO.length);
    expect((await readFile(part)).equals(VIDEO)).toBe(true);
  });

  it('accepts a part file that is already complete (416)', async () => {
    await writeFile(part, VIDEO);
    const server = await serve((_req, res) => {
      res.writeHead(416, { 'content-range': `bytes */${VIDEO.length}` });
      res.end();
    });
    const result = await downloadToFile({ type: 'url', url: `${server.origin}/v.mp4` }, part, {
      allowLoopback: true,
    });
    expect(result.bytes).toBe(VIDEO.length);
  });

  it('refuses a body over maxBytes from Content-Length, before reading it', async () => {
    const server = await serve(rangeHandler());
    const error = await failure(
      downloadToFile({ type: 'url', url: `${server.origin}/v.mp4` }, part, {
        allowLoopback: true,
        maxBytes: 1000,
      }),
    );
    expect(error.code).toBe('too_large');
    expect(await exists(part)).toBe(false);
  });

  it('stops a body over maxBytes while streaming when there is no Content-Length, and deletes the part', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      for (let i = 0; i < VIDEO.length; i += 4096) res.write(VIDEO.subarray(i, i + 4096));
      res.end();
    });
    const error = await failure(
      downloadToFile({ type: 'url', url: `${server.origin}/v.mp4` }, part, {
        allowLoopback: true,
        maxBytes: 10_000,
      }),
    );
    expect(error.code).toBe('too_large');
    expect(await exists(part)).toBe(false);
  });

  it('sends credentials to the credential origin only', async () => {
    const vendor = await serve(rangeHandler());
    const cdn = await serve(rangeHandler());
    await downloadToFile(
      { type: 'url', url: `${vendor.origin}/v.mp4`, headers: AUTH, credentialOrigin: vendor.origin },
      part,
      { allowLoopback: true },
    );
    expect(vendor.seen[0]?.headers.authorization).toBe(AUTH.authorization);

    await downloadToFile(
      { type: 'url', url: `${cdn.origin}/v.mp4`, headers: AUTH, credentialOrigin: vendor.origin },
      `${part}.2`,
      { allowLoopback: true },
    );
    expect(cdn.seen[0]?.headers.authorization).toBeUndefined();
  });

  it('sends no credentials when no credential origin is given', async () => {
    const server = await serve(rangeHandler());
    await downloadToFile({ type: 'url', url: `${server.origin}/v.mp4`, headers: AUTH }, part, {
      allowLoopback: true,
    });
    expect(server.seen[0]?.headers.authorization).toBeUndefined();
  });

  it('drops credentials when a redirect leaves the credential origin, and does not add them back', async () => {
    const cdn = await serve(rangeHandler());
    const vendor = await serve((req, res) => {
      if (req.url === '/v.mp4') res.writeHead(302, { location: `${cdn.origin}/bounce` }).end();
      else rangeHandler()(req, res);
    });
    // The CDN bounces back to the vendor: the vendor must not get the key on the way back either.
    const cdnBouncing = await serve((_req, res) =>
      res.writeHead(307, { location: `${vendor.origin}/file` }).end(),
    );
    const result = await downloadToFile(
      { type: 'url', url: `${vendor.origin}/v.mp4`, headers: AUTH, credentialOrigin: vendor.origin },
      part,
      { allowLoopback: true },
    );
    expect(result.bytes).toBe(VIDEO.length);
    expect(vendor.seen[0]?.headers.authorization).toBe(AUTH.authorization);
    expect(cdn.seen[0]?.url).toBe('/bounce');
    expect(cdn.seen[0]?.headers.authorization).toBeUndefined();

    const via = await serve((_req, res) => res.writeHead(302, { location: `${cdnBouncing.origin}/x` }).end());
    await downloadToFile(
      { type: 'url', url: `${via.origin}/start`, headers: AUTH, credentialOrigin: via.origin },
      `${part}.2`,
      { allowLoopback: true },
    );
    expect(via.seen[0]?.headers.authorization).toBe(AUTH.authorization);
    expect(cdnBouncing.seen[0]?.headers.authorization).toBeUndefined();
    expect(vendor.seen.at(-1)?.url).toBe('/file');
    expect(vendor.seen.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('keeps the Range header across redirects', async () => {
    await writeFile(part, VIDEO.subarray(0, 100));
    const cdn = await serve(rangeHandler());
    const vendor = await serve((_req, res) => res.writeHead(302, { location: `${cdn.origin}/v.mp4` }).end());
    await downloadToFile({ type: 'url', url: `${vendor.origin}/v.mp4` }, part, { allowLoopback: true });
    expect(cdn.seen[0]?.headers.range).toBe('bytes=100-');
    expect((await readFile(part)).equals(VIDEO)).toBe(true);
  });

  it('refuses a redirect to a private address, and more than 5 redirects', async () => {
    const toPrivate = await serve((_req, res) =>
      res.writeHead(302, { location: 'http://10.0.0.1/v.mp4' }).end(),
    );
    const error = await failure(
      downloadToFile({ type: 'url', url: `${toPrivate.origin}/v.mp4` }, part, { allowLoopback: true }),
    );
    expect(error.code).toBe('url_refused');

    const loop = await serve((req, res) => res.writeHead(302, { location: `${req.url}x` }).end());
    const looped = await failure(
      downloadToFile({ type: 'url', url: `${loop.origin}/v` }, part, { allowLoopback: true }),
    );
    expect(looped.code).toBe('too_many_redirects');
    expect(loop.seen).toHaveLength(6);
  });

  it.each([
    'http://video.example.com/v.mp4',
    'javascript:alert(1)',
    'https://192.168.0.10/v.mp4',
    'https://169.254.169.254/v.mp4',
  ])('refuses %s without any request', async (url) => {
    let called = false;
    const error = await failure(
      downloadToFile({ type: 'url', url }, part, {
        fetch: async () => {
          called = true;
          return new Response('');
        },
      }),
    );
    expect(error.code).toBe('url_refused');
    expect(called).toBe(false);
  });

  it('refuses loopback unless allowLoopback', async () => {
    const server = await serve(rangeHandler());
    const error = await failure(downloadToFile({ type: 'url', url: `${server.origin}/v.mp4` }, part));
    expect(error.code).toBe('url_refused');
    expect(server.seen).toHaveLength(0);
  });

  it('maps 429 with Retry-After to RateLimitError', async () => {
    const server = await serve((_req, res) => res.writeHead(429, { 'retry-after': '2' }).end('slow down'));
    const error = await failure(
      downloadToFile({ type: 'url', url: `${server.origin}/v.mp4` }, part, { allowLoopback: true }),
    );
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect((error as RateLimitError).retryAfterMs).toBe(2000);
  });

  it('maps 401 to AuthenticationError without leaking the credential', async () => {
    const server = await serve((req, res) =>
      res.writeHead(401, { 'content-type': 'text/plain' }).end(`invalid key: ${req.headers.authorization}`),
    );
    const error = await failure(
      downloadToFile(
        {
          type: 'url',
          url: `${server.origin}/v.mp4?key=${SENTINEL}`,
          headers: AUTH,
          credentialOrigin: server.origin,
        },
        part,
        { allowLoopback: true, provider: 'acme' },
      ),
    );
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.provider).toBe('acme');
    expectNoSecrets(error);
  });

  it('reports 403/404/410 from a signed URL as url_expired', async () => {
    for (const status of [403, 404, 410]) {
      const server = await serve((_req, res) => res.writeHead(status).end('<Error>AccessDenied</Error>'));
      const error = await failure(
        downloadToFile({ type: 'url', url: `${server.origin}/v.mp4?sig=abc` }, part, { allowLoopback: true }),
      );
      expect(DownloadError.isInstance(error)).toBe(true);
      expect(error.code).toBe('url_expired');
      expect(error.retryable).toBe(false);
    }
  });

  it('keeps credentials out of every failure message', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'content-length': VIDEO.length });
      res.write(`${req.headers.authorization}`, () => res.socket?.destroy());
    });
    const error = await failure(
      downloadToFile(
        { type: 'url', url: `${server.origin}/v.mp4`, headers: AUTH, credentialOrigin: server.origin },
        part,
        { allowLoopback: true },
      ),
    );
    expect(error.code).toBe('truncated');
    expectNoSecrets(error);
  });

  it('stops promptly on abort mid-stream, throwing the reason and keeping the part', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': VIDEO.length });
      res.write(VIDEO.subarray(0, 8192)); // then hang without ending the body
    });
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const started = Date.now();
    const error = await failure(
      downloadToFile({ type: 'url', url: `${server.origin}/v.mp4` }, part, {
        allowLoopback: true,
        signal: controller.signal,
        onBytes: () => controller.abort(reason),
      }),
    );
    expect(error).toBe(reason);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await stat(part)).size).toBeGreaterThan(0);
  });

  it('throws an AbortError when aborted before the response', async () => {
    const server = await serve(() => {}); // never answers
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(
      downloadToFile({ type: 'url', url: `${server.origin}/v.mp4` }, part, {
        allowLoopback: true,
        signal: controller.signal,
      }),
    );
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('downloadToFile from a stream', () => {
  function streamOf(bytes: Uint8Array, chunk = 4096): ReadableStream<Uint8Array> {
    let offset = 0;
    return new ReadableStream({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(offset, offset + chunk));
        offset += chunk;
      },
    });
  }

  it('writes the stream and checks its size', async () => {
    await writeFile(part, 'leftovers');
    const result = await downloadToFile({ type: 'stream', body: streamOf(VIDEO), size: VIDEO.length }, part);
    expect(result.bytes).toBe(VIDEO.length);
    expect((await readFile(part)).equals(VIDEO)).toBe(true);
  });

  it('reports a stream shorter than its size as truncated', async () => {
    const error = await failure(
      downloadToFile({ type: 'stream', body: streamOf(VIDEO), size: VIDEO.length + 1 }, part),
    );
    expect(error.code).toBe('truncated');
  });

  it('enforces maxBytes on a stream', async () => {
    const error = await failure(
      downloadToFile({ type: 'stream', body: streamOf(VIDEO) }, part, { maxBytes: 5000 }),
    );
    expect(error.code).toBe('too_large');
    expect(await exists(part)).toBe(false);
    const declared = await failure(
      downloadToFile({ type: 'stream', body: streamOf(VIDEO), size: VIDEO.length }, part, { maxBytes: 5000 }),
    );
    expect(declared.code).toBe('too_large');
  });

  it('stops a stream that never ends on abort', async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(10));
      },
    });
    setTimeout(() => controller.abort(), 30);
    const error = await failure(
      downloadToFile({ type: 'stream', body }, part, { signal: controller.signal }),
    );
    expect((error as Error).name).toBe('AbortError');
  });
});
