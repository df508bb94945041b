import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSampleLedger } from '../scripts/sample-ledger.mjs';
import { type Studio, startStudio } from '../src/index.js';

let home: string;
let ledger: string;
let studio: Studio;
let ids: { video: string; lost: string };

const withToken = (extra: Record<string, string> = {}) => ({ 'x-studio-token': studio.token, ...extra });
const get = (route: string, headers: Record<string, string> = withToken()) =>
  fetch(`${studio.origin}${route}`, { headers });

function rawRequest(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: studio.port, path: '/api/generations', headers },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

// Rendering the sample videos can take a while on a busy machine.
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'studio-server-'));
  ({ ledger } = await makeSampleLedger(home, { clips: 2, sequence: false, small: true }));
  studio = await startStudio({ ledgerDir: ledger, outDir: path.join(home, 'out') });
  const generations = (await (await get('/api/generations')).json()) as { id: string; hasVideo: boolean }[];
  ids = {
    video: generations.find((generation) => generation.hasVideo)!.id,
    lost: generations.find((generation) => !generation.hasVideo)!.id,
  };
}, 240_000);

afterAll(async () => {
  await studio?.close();
  await rm(home, { recursive: true, force: true });
});

describe('startStudio', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying a random token', async () => {
    expect(studio.url).toBe(`http://127.0.0.1:${studio.port}/?token=${studio.token}`);
    expect(studio.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const other = await startStudio({ ledgerDir: ledger });
    try {
      expect(other.token).not.toBe(studio.token);
    } finally {
      await other.close();
    }
  });

  it('refuses a port that is not a whole number from 0 to 65535', async () => {
    await expect(startStudio({ port: 70_000 })).rejects.toMatchObject({ code: 'invalid_options' });
  });
});

describe('the token', () => {
  it('is required on every request, reads included', async () => {
    for (const route of [
      '/',
      '/studio.js',
      '/api/generations',
      `/media/${ids.video}/video.mp4`,
      '/api/events',
    ]) {
      const response = await get(route, {});
      expect(response.status, route).toBe(401);
      expect(await response.text()).toContain('token');
    }
    expect(
      (await get('/api/generations', { 'x-studio-token': `${studio.token.slice(0, -1)}x` })).status,
    ).toBe(401);
  });

  it('in the URL sets an HttpOnly, SameSite=Strict cookie that later requests carry', async () => {
    const page = await fetch(`${studio.url}`);
    expect(page.status).toBe(200);
    const cookie = page.headers.get('set-cookie')!;
    expect(cookie).toContain(`video_gen_studio_${studio.port}=${studio.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const api = await get('/api/generations', { cookie: cookie.split(';')[0]! });
    expect(api.status).toBe(200);
  });

  it('is refused with a Host other than the loopback address (DNS rebinding)', async () => {
    expect(await rawRequest({ host: `127.0.0.1:${studio.port}`, 'x-studio-token': studio.token })).toBe(200);
    expect(await rawRequest({ host: `evil.example:${studio.port}`, 'x-studio-token': studio.token })).toBe(
      403,
    );
  });

  it('does not help a request another site makes', async () => {
    const response = await get('/api/generations', withToken({ 'sec-fetch-site': 'cross-site' }));
    expect(response.status).toBe(403);
  });
});

describe('requests that change state', () => {
  const check = (headers: Record<string, string>) =>
    fetch(`${studio.origin}/api/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ provider: 'local', prompt: 'waves', width: 640, height: 360 }),
    });

  it('need the page’s own Origin besides the token', async () => {
    expect((await check(withToken())).status).toBe(403);
    expect((await check(withToken({ origin: 'http://127.0.0.1:1' }))).status).toBe(403);
    expect((await check(withToken({ origin: 'null' }))).status).toBe(403);
    expect((await check({ origin: studio.origin })).status).toBe(401);
    const ok = await check(withToken({ origin: studio.origin }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      ok: true,
      checked: { provider: 'local', width: 640, height: 360 },
    });
  });

  it('report core’s ValidationError with its issues, before anything is submitted', async () => {
    const response = await fetch(`${studio.origin}/api/jobs`, {
      method: 'POST',
      headers: withToken({ origin: studio.origin, 'content-type': 'application/json' }),
      body: JSON.stringify({ provider: 'local', prompt: 'waves', width: 641, height: 360 }),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; issues: { field: string }[] } };
    expect(error.code).toBe('validation_failed');
    expect(error.issues[0]!.field).toBe('size');
    expect(await (await get('/api/jobs')).json()).toEqual([]);
  });
});

describe('files', () => {
  it('serves a recorded video with HTTP Range, so a player can seek', async () => {
    const whole = await get(`/media/${ids.video}/video.mp4`);
    expect(whole.status).toBe(200);
    const size = Number(whole.headers.get('content-length'));
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect((await whole.arrayBuffer()).byteLength).toBe(size);

    const part = await get(`/media/${ids.video}/video.mp4`, withToken({ range: 'bytes=100-199' }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);

    const tail = await get(`/media/${ids.video}/video.mp4`, withToken({ range: 'bytes=-10' }));
    expect(tail.headers.get('content-range')).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    const beyond = await get(`/media/${ids.video}/video.mp4`, withToken({ range: `bytes=${size}-` }));
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
  });

  it('extracts a poster frame once and caches it beside the ledger', async () => {
    const poster = await get(`/media/${ids.video}/poster.jpg`);
    expect(poster.status).toBe(200);
    expect(poster.headers.get('content-type')).toBe('image/jpeg');
    const bytes = new Uint8Array(await poster.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const cache = path.join(path.dirname(ledger), 'studio-cache');
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(cache)).filter((name) => name.startsWith(ids.video))).toHaveLength(1);
  });

  it('refuses any path outside the ledger', async () => {
    for (const route of [
      '/media/..%2F..%2F..%2Fetc%2Fpasswd/video.mp4',
      '/media/../../etc/passwd',
      '/media/%2Fetc%2Fpasswd/video.mp4',
      '/etc/passwd',
      '/public/../package.json',
      '/media/local_no-such-generation/video.mp4',
      `/media/${ids.video}/../../package.json`,
    ]) {
      const response = await get(route);
      expect(response.status, route).toBe(404);
      expect(await response.text()).not.toContain('root:');
    }
  });

  it('refuses a record whose path is a link, or a file that is not an MP4', async () => {
    const record = JSON.parse(await readFile(path.join(ledger, `${ids.lost}.json`), 'utf8'));
    await symlink('/etc/passwd', record.outPath);
    expect((await get(`/media/${ids.lost}/video.mp4`)).status).toBe(404);
    await rm(record.outPath);
    await writeFile(record.outPath, 'root:x:0:0:not a video\n');
    expect((await get(`/media/${ids.lost}/video.mp4`)).status).toBe(404);
    expect((await get(`/media/${ids.lost}/poster.jpg`)).status).toBe(404);
    await rm(record.outPath);
  });
});

describe('the ledger', () => {
  it('lists generations with cost when known and marks the ones paid for but not downloaded', async () => {
    const generations = (await (await get('/api/generations')).json()) as {
      id: string;
      paidNotDownloaded: boolean;
      cost?: { amount: number; estimated: boolean };
    }[];
    const lost = generations.find((generation) => generation.id === ids.lost)!;
    expect(lost).toMatchObject({
      paidNotDownloaded: true,
      cost: { amount: 0.2, currency: 'USD', estimated: false },
    });
    expect(generations.filter((generation) => generation.paidNotDownloaded)).toHaveLength(1);
    expect(generations.some((generation) => generation.cost?.estimated)).toBe(true);
    expect(generations.some((generation) => generation.cost === undefined)).toBe(true);
  });

  it('forgets a generation through core (the ledger entry goes, nothing else)', async () => {
    const forget = (id: string) =>
      fetch(`${studio.origin}/api/generations/${id}/forget`, {
        method: 'POST',
        headers: withToken({ origin: studio.origin }),
      });
    const response = await forget(ids.lost);
    expect(await response.json()).toEqual({ forgotten: true });
    const listed = (await (await get('/api/generations')).json()) as { id: string }[];
    expect(listed.map((generation) => generation.id)).not.toContain(ids.lost);
    expect((await forget(ids.lost)).status).toBe(404);
  });
});
