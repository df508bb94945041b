import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FileSystemError } from '../errors/file-system-error.js';
import { syncFileOps } from '../fs/file-ops.js';
import { downloadToFile } from './download-to-file.js';
import { type LoopbackServer, startLoopbackServer, videoBytes } from './test-support/loopback-server.js';

const VIDEO = videoBytes(64 * 1024);
let root: string;
let out: string;
let victim: string;
let server: LoopbackServer | undefined;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'video-gen-part-'));
  out = join(root, 'out');
  await mkdir(out);
  victim = join(root, 'victim.txt');
  writeFileSync(victim, 'precious');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
  await rm(root, { recursive: true, force: true });
});

const stream = () =>
  ({
    type: 'stream',
    body: new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(VIDEO);
        c.close();
      },
    }),
    size: VIDEO.length,
  }) as const;

describe('the part file', () => {
  it('is never written through a symlink planted at <out>.part (stream source)', async () => {
    const part = join(out, 'v.mp4.part');
    await symlink(victim, part);
    await expect(downloadToFile(stream(), part)).rejects.toMatchObject({ code: 'unsafe_path', path: part });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('refuses a symlink at <out>.part before any request, instead of resuming "into" its target', async () => {
    let requests = 0;
    server = await startLoopbackServer((_req, res) => {
      requests++;
      res.end(VIDEO);
    });
    const part = join(out, 'v.mp4.part');
    await symlink(victim, part);
    const error = await downloadToFile({ type: 'url', url: `${server.origin}/v.mp4` }, part, {
      allowLoopback: true,
    }).catch((e: unknown) => e);
    expect(FileSystemError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unsafe_path' });
    expect(requests).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('on a full disk fails with disk_full naming the part file, and leaves no part behind', async () => {
    const part = join(out, 'v.mp4.part');
    vi.spyOn(syncFileOps, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    const error = await downloadToFile(stream(), part).catch((e: unknown) => e);
    expect(FileSystemError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'disk_full', path: part });
    expect((error as Error).message).toContain(part);
    expect(readdirSync(out)).toEqual([]);
  });

  it('leaves no empty part behind when the request fails before any byte', async () => {
    server = await startLoopbackServer((_req, res) => {
      res.writeHead(404);
      res.end();
    });
    const part = join(out, 'v.mp4.part');
    await downloadToFile({ type: 'url', url: `${server.origin}/v.mp4` }, part, {
      allowLoopback: true,
    }).catch(() => {});
    expect(existsSync(part)).toBe(false);
  });
});
