import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, finished, runCli, startCli, tempFolder } from './cli-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  while (!text.includes('\n')) {
    const [chunk] = (await once(stream, 'data')) as [string];
    text += chunk;
  }
  return text.split('\n')[0]!;
}

describe('video-gen studio', () => {
  it('prints the URL with its token, serves the page on 127.0.0.1 only with it, and stops on Ctrl-C', async () => {
    const { dir, cleanup } = await tempFolder();
    cleanups.push(cleanup);
    const child = startCli(['studio', '--no-open'], dir, cleanEnv(dir));
    const done = finished(child);
    const url = new URL(await firstLine(child.stdout!));
    expect(url.hostname).toBe('127.0.0.1');
    const token = url.searchParams.get('token');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('video-gen <span>studio</span>');
    const refused = await fetch(`${url.origin}/api/generations`);
    expect(refused.status).toBe(401);
    const listed = await fetch(`${url.origin}/api/generations`, { headers: { 'x-studio-token': token! } });
    expect(await listed.json()).toEqual([]);

    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('127.0.0.1 only');
    expect(run.stderr).toContain('Studio stopped.');
  });

  it('refuses a port above 65535 with a usage error', async () => {
    const { dir, cleanup } = await tempFolder();
    cleanups.push(cleanup);
    const run = await runCli(['studio', '--no-open', '--port', '70000', '--json'], dir, cleanEnv(dir));
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'invalid_options' } });
  });
});
