import { execFileSync, spawn } from 'node:child_process';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSequence } from '../src/sequence/generate-sequence.js';
import { crashSequence, PROMPTS, QUEUE_MS } from './fixtures/crash-sequence.ts';
import { loggingLocalProvider, type SubmitLogEntry } from './fixtures/logging-provider.ts';
import { tempDir } from './media-helpers.js';

const packageDir = path.resolve(import.meta.dirname, '..');

/** Rebuilds dist when it is older than the sources: the child process runs the built package. */
async function ensureBuilt(): Promise<void> {
  const sources: string[] = [];
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) sources.push(full);
    }
  };
  await walk(path.join(packageDir, 'src'));
  const newest = Math.max(...(await Promise.all(sources.map(async (file) => (await stat(file)).mtimeMs))));
  const built = await stat(path.join(packageDir, 'dist', 'index.js')).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  if (built >= newest) return;
  const tsup = createRequire(import.meta.url).resolve('tsup/dist/cli-default.js');
  execFileSync(process.execPath, [tsup], { cwd: packageDir, stdio: 'ignore' });
}

async function readLog(file: string): Promise<SubmitLogEntry[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SubmitLogEntry);
}

/** Runs the sequence in a child process and SIGKILLs it once clip 2's job is submitted and journaled. */
async function runAndKillDuringClip2(outDir: string, jobsDir: string, logFile: string): Promise<number> {
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'fixtures', 'crash-child.ts'), outDir, jobsDir, logFile],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (code, signal) => resolve([code, signal])),
  );
  const journal = path.join(outDir, 'clip-02.mp4.job.json');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await readFile(journal, 'utf8').then(
      (text) => (JSON.parse(text) as { state: string }).state,
      () => undefined,
    );
    if (state === 'submitted') break;
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`clip 2 was never in flight: ${stdout}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  const [code, signal] = await closed;
  expect({ code, signal, stdout }).toEqual({ code: null, signal: 'SIGKILL', stdout: '' });
  return child.pid!;
}

let dir: string;
beforeAll(async () => {
  await ensureBuilt();
  dir = await tempDir();
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a sequence killed during clip 2', () => {
  it('resumes: clip 1 is kept, clip 2’s job is submitted once in all, and the sequence completes', async () => {
    const outDir = path.join(dir, 'story');
    const jobsDir = path.join(dir, 'jobs');
    const logFile = path.join(dir, 'submits.log');

    const childPid = await runAndKillDuringClip2(outDir, jobsDir, logFile);
    const clip1 = await stat(path.join(outDir, 'clip-01.mp4'));
    await expect(stat(path.join(outDir, 'clip-02.mp4'))).rejects.toThrow();

    const result = await generateSequence({
      ...crashSequence(outDir),
      provider: loggingLocalProvider(jobsDir, logFile, QUEUE_MS),
    });

    const log = await readLog(logFile);
    const calls = (pid: number, prompt: string) =>
      log.filter((entry) => entry.event === 'submit' && entry.pid === pid && entry.prompt === prompt).length;
    const jobsOf = (prompt: string) =>
      new Set(
        log
          .filter((entry) => entry.event === 'submitted' && entry.prompt === prompt)
          .map((entry) => entry.jobId),
      );
    const [first, second, third] = PROMPTS;
    // The killed run submitted clips 1 and 2; the resumed run submitted clip 3 only.
    expect([calls(childPid, first), calls(childPid, second), calls(childPid, third)]).toEqual([1, 1, 0]);
    expect([calls(process.pid, first), calls(process.pid, second), calls(process.pid, third)]).toEqual([
      0, 0, 1,
    ]);
    expect(jobsOf(second).size).toBe(1);
    expect(result.clips[1]?.jobId).toBe([...jobsOf(second)][0]);
    expect(result.clips.map((clip) => clip.source)).toEqual(['reused', 'resumed', 'generated']);
    // Clip 1 is the file the killed run wrote, untouched.
    const clip1After = await stat(path.join(outDir, 'clip-01.mp4'));
    expect([clip1After.ino, clip1After.mtimeMs]).toEqual([clip1.ino, clip1.mtimeMs]);
    const manifest = JSON.parse(await readFile(path.join(outDir, 'sequence.json'), 'utf8'));
    expect(manifest.clips.map((clip: { status: string }) => clip.status)).toEqual(['done', 'done', 'done']);
  });
});
