import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFal } from '@ai-sdk/fal';
import { createVertex } from '@ai-sdk/google-vertex';
import { generateVideo, readJournal } from '@video-gen/core';
import { afterEach, describe, expect, it } from 'vitest';
import { fromAiSdk } from '../src/index.js';
import { startFalLoopback } from './fal-loopback.js';
import { startVertexLoopback } from './vertex-loopback.js';

const CHILD = fileURLToPath(new URL('./crash-child.mjs', import.meta.url));
const KEY = 'fal-crash-test-key-0123456789';

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

const VENDOR_HOSTS = /^https:\/\/(queue\.fal\.run|v3\.fal\.media|aiplatform\.googleapis\.com)/;

interface Fake {
  readonly server: { url: string; close(): Promise<void> };
  submits(): number;
  polls(): number;
}

const VENDORS = [
  {
    vendor: 'fal',
    model: 'luma-dream-machine/ray-2',
    start: () => startFalLoopback(KEY, 6),
    create: (fetch: typeof globalThis.fetch) =>
      createFal({ apiKey: KEY, fetch }).video('luma-dream-machine/ray-2'),
  },
  {
    vendor: 'vertex',
    model: 'veo-3.1-generate-001',
    start: () => startVertexLoopback(KEY, 6),
    create: (fetch: typeof globalThis.fetch) =>
      createVertex({ apiKey: KEY, fetch }).video('veo-3.1-generate-001'),
  },
] as const;

describe.each(VENDORS)('fromAiSdk crash and resume: $vendor', ({ vendor, model, start, create }) => {
  let fake: Fake | undefined;
  let dir = '';
  afterEach(async () => {
    await fake?.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes a job SIGKILLed after doStart with doStatus only: exactly one submit', async () => {
    const running = await start();
    fake = running;
    dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-ai-sdk-crash-'));
    const outPath = path.join(dir, 'crash.mp4');
    const lines = await runUntil({ vendor, origin: running.server.url, key: KEY, model, outPath }, 'running');
    expect(lines).toContain('submitting');
    expect(lines).not.toContain('finished');
    expect(running.submits()).toBe(1);
    const journal = await readJournal(`${outPath}.job.json`);
    expect(journal?.job?.data?.mode).toBe('operation');
    expect(journal?.job?.data?.operation).toBeTruthy();

    // A new process: the journal resumes the job with doStatus, never a second doStart.
    const origin = running.server.url;
    const rewritingFetch: typeof fetch = (input, init) =>
      fetch((input instanceof Request ? input.url : String(input)).replace(VENDOR_HOSTS, origin), init);
    const pollsBefore = running.polls();
    const result = await generateVideo({
      provider: fromAiSdk(create(rewritingFetch), { id: vendor }),
      prompt: 'A crash test clip',
      outPath,
      fetch: rewritingFetch,
      allowLoopbackDownloads: true,
      poll: { initialIntervalMs: 20, maxIntervalMs: 20 },
    });
    expect(result.resumed).toBe(true);
    expect(result.jobId).toBe(journal?.job?.id);
    expect(running.submits()).toBe(1);
    expect(running.polls()).toBeGreaterThan(pollsBefore);
    expect(readFileSync(outPath).subarray(4, 8).toString('ascii')).toBe('ftyp');
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
  });
});
