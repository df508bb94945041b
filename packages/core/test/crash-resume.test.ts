import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateVideo, readJournal } from '../src/index.js';
import { createFakeProvider, submitCount } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

const child = fileURLToPath(new URL('./support/crash-child.ts', import.meta.url));

/** Starts the child and SIGKILLs it as soon as it prints a line matching `killAt`. */
function runAndKill(args: string[], killAt: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    let output = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAt.test(output)) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(output);
      else reject(new Error(`child was not killed at ${killAt}; output:\n${output}\n${stderr}`));
    });
  });
}

describe('a process killed mid-job', () => {
  it.each([
    ['right after submit', /^queued/m, 'submitted'],
    ['mid-poll', /^running/m, 'submitted'],
    ['mid-download', /^downloading [1-9]\d*/m, 'submitted'],
  ])('killed %s: the re-run submits exactly once and finishes', async (_name, killAt, state) => {
    const dir = tempDir();
    const stateDir = path.join(dir, 'state');
    const outPath = path.join(dir, 'video.mp4');
    await runAndKill([stateDir, tinyMp4(), outPath], killAt);
    expect(existsSync(outPath)).toBe(false);
    expect((await readJournal(`${outPath}.job.json`))?.state).toBe(state);

    const provider = createFakeProvider({ stateDir, videoPath: tinyMp4(), pollsUntilDone: 6 });
    const result = await generateVideo({
      provider,
      prompt: 'crash test',
      outPath,
      poll: { initialIntervalMs: 5 },
    });
    expect(result.resumed).toBe(true);
    expect(provider.calls.submit).toBe(0);
    expect(submitCount(stateDir)).toBe(1);
    expect(readFileSync(outPath).equals(readFileSync(tinyMp4()))).toBe(true);
    expect(existsSync(`${outPath}.job.json`)).toBe(false);
    expect(existsSync(`${outPath}.part`)).toBe(false);
  });
});
