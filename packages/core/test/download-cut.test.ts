import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type LoopbackServer,
  rangeStart,
  startLoopbackServer,
} from '../src/http/test-support/loopback-server.js';
import { generateVideo, RetryExhaustedError, readJournal } from '../src/index.js';
import { createFakeProvider, submitCount } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

const fast = { poll: { initialIntervalMs: 5 }, retry: { minDelayMs: 5, maxDelayMs: 10 } };
let server: LoopbackServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves the tiny MP4; the first `cuts` responses break off half-way through the body. */
async function flakyVideoServer(cuts: number): Promise<LoopbackServer> {
  const video = readFileSync(tinyMp4());
  let remainingCuts = cuts;
  return startLoopbackServer((req, res) => {
    const start = rangeStart(req) ?? 0;
    const rest = video.subarray(start);
    const headers: Record<string, string | number> = {
      'content-type': 'video/mp4',
      'content-length': rest.length,
    };
    if (start > 0) headers['content-range'] = `bytes ${start}-${video.length - 1}/${video.length}`;
    res.writeHead(start > 0 ? 206 : 200, headers);
    if (remainingCuts > 0) {
      remainingCuts--;
      res.write(rest.subarray(0, Math.floor(rest.length / 2)), () => res.destroy());
      return;
    }
    res.end(rest);
  });
}

describe('a download cut off mid-way', () => {
  it('is resumed with Range and never leaves a half file at the output path', async () => {
    server = await flakyVideoServer(1);
    const dir = tempDir();
    const outPath = path.join(dir, 'video.mp4');
    const provider = createFakeProvider({
      stateDir: path.join(dir, 's'),
      videoPath: tinyMp4(),
      downloadUrl: `${server.origin}/v.mp4`,
    });
    const result = await generateVideo({
      provider,
      prompt: 'waves',
      outPath,
      allowLoopbackDownloads: true,
      ...fast,
    });
    expect(readFileSync(result.path).equals(readFileSync(tinyMp4()))).toBe(true);
    expect(server.seen.map((request) => request.headers.range)).toEqual([
      undefined,
      expect.stringMatching(/^bytes=\d+-$/),
    ]);
    expect(existsSync(`${outPath}.part`)).toBe(false);
  });

  it('when every retry breaks, keeps the part file and journal, writes no output, and a re-run finishes without a new submit', async () => {
    server = await flakyVideoServer(100);
    const dir = tempDir();
    const stateDir = path.join(dir, 's');
    const outPath = path.join(dir, 'video.mp4');
    const url = `${server.origin}/v.mp4`;
    const provider = createFakeProvider({ stateDir, videoPath: tinyMp4(), downloadUrl: url });
    const options = {
      prompt: 'waves',
      outPath,
      allowLoopbackDownloads: true,
      ...fast,
      retry: { ...fast.retry, retries: 1 },
    };
    const error = await generateVideo({ ...options, provider }).catch((e: unknown) => e);
    expect(RetryExhaustedError.isInstance(error)).toBe(true);
    expect(existsSync(outPath)).toBe(false);
    expect(existsSync(`${outPath}.part`)).toBe(true);
    expect((await readJournal(`${outPath}.job.json`))?.state).toBe('submitted');

    await server.close();
    server = await flakyVideoServer(0);
    const again = createFakeProvider({
      stateDir,
      videoPath: tinyMp4(),
      downloadUrl: `${server.origin}/v.mp4`,
      pollsUntilDone: 0,
    });
    const result = await generateVideo({ ...options, provider: again });
    expect(result.resumed).toBe(true);
    expect(readFileSync(outPath).equals(readFileSync(tinyMp4()))).toBe(true);
    expect(submitCount(stateDir)).toBe(1);
  });

  it('refuses a plain-http download URL unless loopback downloads are allowed', async () => {
    server = await flakyVideoServer(0);
    const dir = tempDir();
    const provider = createFakeProvider({
      stateDir: path.join(dir, 's'),
      videoPath: tinyMp4(),
      downloadUrl: `${server.origin}/v.mp4`,
    });
    const error = await generateVideo({
      provider,
      prompt: 'waves',
      outPath: path.join(dir, 'v.mp4'),
      ...fast,
    }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('url_refused');
    expect(server.seen).toEqual([]);
  });
});
