import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFal } from '@ai-sdk/fal';
import { generateVideo, readJournal } from '@video-gen/core';
import { afterEach, describe, expect, it } from 'vitest';
import { fromAiSdk } from '../src/index.js';
import { type FalLoopback, startFalLoopback } from './fal-loopback.js';

const CHILD = fileURLToPath(new URL('./crash-child.mjs', import.meta.url));
const KEY = 'fal-crash-test-key-0123456789';
const MODEL = 'luma-dream-machine/ray-2';

/** Runs the child until it prints `line`, then SIGKILLs it. */
function runUntil(args: object, line: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(args)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.stdout.on('data', (chunk) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      if (lines.includes(line)) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(lines)
        : reject(new Error(`child ended without reaching ${line}: ${stderr}`)),
    );
  });
}

describe('fromAiSdk crash and resume', () => {
  let fal: FalLoopback | undefined;
  let dir = '';
  afterEach(async () => {
    await fal?.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes a job SIGKILLed after doStart with doStatus only: exactly one submit', async () => {
    fal = await startFalLoopback(KEY, 6);
    dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-ai-sdk-crash-'));
    const outPath = path.join(dir, 'crash.mp4');
    const lines = await runUntil({ origin: fal.server.url, key: KEY, model: MODEL, outPath }, 'running');
    expect(lines).toContain('submitting');
    expect(lines).not.toContain('finished');
    expect(fal.submits()).toBe(1);
    const journal = await readJournal(`${outPath}.job.json`);
    expect(journal?.job?.data?.operation).toMatchObject({
      responseUrl: expect.stringContaining('/requests/'),
    });

    // A new process: the journal resumes the job with doStatus, never a second doStart.
    const origin = fal.server.url;
    const rewritingFetch: typeof fetch = (input, init) =>
      fetch(
        (input instanceof Request ? input.url : String(input)).replace(
          /^https:\/\/(queue\.fal\.run|v3\.fal\.media)/,
          origin,
        ),
        init,
      );
    const model = createFal({ apiKey: KEY, fetch: rewritingFetch }).video(MODEL);
    const pollsBefore = fal.polls();
    const result = await generateVideo({
      provider: fromAiSdk(model, { id: 'fal' }),
      prompt: 'A crash test clip',
      outPath,
      fetch: rewritingFetch,
      allowLoopbackDownloads: true,
      poll: { initialIntervalMs: 20, maxIntervalMs: 20 },
    });
    expect(result.resumed).toBe(true);
    expect(result.jobId).toBe(journal?.job?.id);
    expect(fal.submits()).toBe(1);
    expect(fal.polls()).toBeGreaterThan(pollsBefore);
    expect(readFileSync(outPath).subarray(4, 8).toString('ascii')).toBe('ftyp');
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });
});
