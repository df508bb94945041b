import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileSystemError } from '../src/errors/file-system-error.js';
import { fileOps } from '../src/fs/file-ops.js';
import { lockOutput } from '../src/lifecycle/output-lock.js';
import { tempDir } from './support/fixtures.js';

/** The pid of a process that has exited (and been reaped): it holds no lock. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

function ownerRecord(pid: number, token: string, start?: string): string {
  return `${JSON.stringify({ pid, start, host: os.hostname(), token, createdAt: new Date().toISOString() })}\n`;
}

function lockedOutput(): { dir: string; outPath: string; lockPath: string } {
  const dir = tempDir('video-gen-lock-');
  const outPath = path.join(dir, 'clip.mp4');
  return { dir, outPath, lockPath: `${outPath}.lock` };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: { code?: string }) => error.code ?? String(error),
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('output lock', () => {
  it('records pid, process start time and a random token, and removes only its own lock on release', async () => {
    const { lockPath, outPath } = lockedOutput();
    const release = await lockOutput(outPath);
    const owner = JSON.parse(readFileSync(lockPath, 'utf8'));
    expect(owner.pid).toBe(process.pid);
    expect(owner.token).toMatch(/^[0-9a-f]{24}$/);
    if (existsSync('/proc/self/stat')) expect(owner.start).toMatch(/^\d+$/);
    await release();
    expect(existsSync(lockPath)).toBe(false);
    // A second release does nothing, even when another lock took the name meanwhile.
    writeFileSync(lockPath, ownerRecord(1, 'f'.repeat(24)));
    await release();
    expect(existsSync(lockPath)).toBe(true);
  });

  it('takes over a lock whose pid now belongs to another process (another start time)', async () => {
    const { lockPath, outPath } = lockedOutput();
    // The parent process is alive, but its start time is not "1": the pid was reused.
    writeFileSync(lockPath, ownerRecord(process.ppid, 'a'.repeat(24), '1'));
    if (!existsSync(`/proc/${process.ppid}/stat`)) return; // start times exist only with /proc
    const release = await lockOutput(outPath);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
    await release();
  });

  it('refuses a lock whose owner is alive with output_locked, naming its pid', async () => {
    const { lockPath, outPath } = lockedOutput();
    writeFileSync(lockPath, ownerRecord(process.ppid, 'b'.repeat(24)));
    const error = await lockOutput(outPath).catch((e: Error) => e);
    expect((error as { code?: string }).code).toBe('output_locked');
    expect((error as Error).message).toContain(`pid ${process.ppid}`);
  });

  it('of 16 concurrent takeovers of one stale lock, exactly one wins; the others get output_locked', async () => {
    for (let round = 0; round < 10; round++) {
      const { dir, lockPath, outPath } = lockedOutput();
      writeFileSync(lockPath, ownerRecord(deadPid(), `${round}`.padStart(24, 'c')));
      const outcomes = await Promise.all(
        Array.from({ length: 16 }, () =>
          lockOutput(outPath).then(
            () => 'locked',
            (error: { code?: string }) => error.code,
          ),
        ),
      );
      expect(
        outcomes.filter((outcome) => outcome === 'locked'),
        `round ${round}`,
      ).toHaveLength(1);
      expect(new Set(outcomes.filter((outcome) => outcome !== 'locked'))).toEqual(new Set(['output_locked']));
      // No claim left behind: only the winner's lock.
      expect(readdirSync(dir)).toEqual(['clip.mp4.lock']);
    }
  });

  it('takes over a claim left by a process killed in the middle of a takeover', async () => {
    const { dir, lockPath, outPath } = lockedOutput();
    const staleToken = 'd'.repeat(24);
    writeFileSync(lockPath, ownerRecord(deadPid(), staleToken));
    const claim = `${lockPath}.takeover-${createHash('sha256').update(`token:${staleToken}`).digest('hex').slice(0, 16)}`;
    writeFileSync(claim, ownerRecord(deadPid(), 'e'.repeat(24)));
    const release = await lockOutput(outPath);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
    expect(readdirSync(dir)).toEqual(['clip.mp4.lock']);
    await release();
  });

  it('treats a fresh empty lock as being written (output_locked) and an old one as stale', async () => {
    const { lockPath, outPath } = lockedOutput();
    writeFileSync(lockPath, '');
    expect(await codeOf(lockOutput(outPath))).toBe('output_locked');
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lockPath, minuteAgo, minuteAgo);
    const release = await lockOutput(outPath);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
    await release();
  });

  it.each([
    [
      'a symbolic link',
      (lockPath: string, dir: string) => symlinkSync(path.join(dir, 'victim.txt'), lockPath),
    ],
    [
      'a dangling symbolic link',
      (lockPath: string, dir: string) => symlinkSync(path.join(dir, 'nothing'), lockPath),
    ],
    ['a directory', (lockPath: string) => mkdirSync(lockPath)],
    ['a foreign file', (lockPath: string) => writeFileSync(lockPath, 'my notes, not a lock')],
  ])('refuses %s at <out>.lock with FileSystemError unsafe_path and leaves it as it is', async (_, plant) => {
    const { dir, lockPath, outPath } = lockedOutput();
    writeFileSync(path.join(dir, 'victim.txt'), 'precious');
    plant(lockPath, dir);
    const before = readdirSync(dir).sort();
    const error = await lockOutput(outPath).catch((e: unknown) => e);
    expect(FileSystemError.isInstance(error)).toBe(true);
    expect((error as FileSystemError).code).toBe('unsafe_path');
    expect((error as FileSystemError).path).toBe(lockPath);
    expect(readFileSync(path.join(dir, 'victim.txt'), 'utf8')).toBe('precious');
    expect(readdirSync(dir).sort()).toEqual(before);
    if (lstatSync(lockPath).isFile()) {
      expect(readFileSync(lockPath, 'utf8')).toBe('my notes, not a lock');
    }
  });

  it('a full disk while writing the lock is a FileSystemError disk_full and leaves no empty lock', async () => {
    const { lockPath, outPath } = lockedOutput();
    const realOpen = fileOps.open;
    vi.spyOn(fileOps, 'open').mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const handle = await realOpen(...args);
      return new Proxy(handle, {
        get(target, key, receiver) {
          if (key === 'writeFile') {
            return () =>
              Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
          }
          const value = Reflect.get(target, key, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }) as FileHandle;
    });
    const error = await lockOutput(outPath).catch((e: unknown) => e);
    expect(FileSystemError.isInstance(error)).toBe(true);
    expect((error as FileSystemError).code).toBe('disk_full');
    expect((error as Error).message).toContain(lockPath);
    expect(existsSync(lockPath)).toBe(false);
  });
});
