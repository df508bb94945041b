import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadError, type VideoGenError } from '../errors/index.js';
import { assertMp4File } from './mp4.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'video-gen-mp4-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function check(
  name: string,
  content: Uint8Array | string | undefined,
): Promise<VideoGenError | undefined> {
  const path = join(dir, name);
  if (content !== undefined) await writeFile(path, content);
  try {
    await assertMp4File(path);
    return undefined;
  } catch (error) {
    expect(DownloadError.isInstance(error)).toBe(true);
    return error as VideoGenError;
  }
}

describe('assertMp4File', () => {
  it('accepts a file with an ftyp box', async () => {
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(100)]);
    expect(await check('ok.mp4', mp4)).toBeUndefined();
  });

  it('refuses an HTML error page and says so', async () => {
    const error = await check('html.mp4', '<!DOCTYPE html><html><body>Access denied</body></html>');
    expect(error?.code).toBe('not_mp4');
    expect(error?.message).toContain('HTML');
  });

  it('refuses a JSON error body and says so', async () => {
    const error = await check('json.mp4', '{"error":{"message":"expired"}}');
    expect(error?.code).toBe('not_mp4');
    expect(error?.message).toContain('JSON');
  });

  it('refuses other bytes, showing them in hex', async () => {
    const error = await check('bin.mp4', Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '));
    expect(error?.code).toBe('not_mp4');
    expect(error?.message).toContain('52 49 46 46');
  });

  it('refuses a file shorter than a box header', async () => {
    expect((await check('short.mp4', Buffer.from([0, 0, 0, 8, 0x66])))?.code).toBe('not_mp4');
  });

  it('refuses an empty file', async () => {
    expect((await check('empty.mp4', ''))?.code).toBe('empty_file');
  });

  it('reports a missing file as unreadable', async () => {
    expect((await check('missing.mp4', undefined))?.code).toBe('unreadable');
  });
});
