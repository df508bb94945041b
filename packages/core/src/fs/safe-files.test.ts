import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chmod, link, mkdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileSystemError } from '../errors/file-system-error.js';
import { createFileExclusive, writeFileExclusive } from './create-exclusive.js';
import { ensureDirectory } from './ensure-directory.js';
import { fileOps } from './file-ops.js';
import { openFileForWriting } from './open-for-writing.js';
import { toFileSystemError } from './to-file-system-error.js';
import { removeTemporaryFiles, writeFileAtomic } from './write-atomic.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-safe-files-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A folder holding `victim.txt` (outside the folder the library writes to) and `work/`. */
function scene() {
  const root = tempDir();
  const victim = path.join(root, 'victim.txt');
  writeFileSync(victim, 'precious');
  const work = path.join(root, 'work');
  execFileSync('mkdir', [work]);
  return { victim, work };
}

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

async function expectUnsafe(promise: Promise<unknown>, file: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(FileSystemError.isInstance(error)).toBe(true);
  expect(error).toMatchObject({ code: 'unsafe_path', path: file });
  expect((error as Error).message).toContain(file);
}

describe('createFileExclusive', () => {
  it('refuses a symlink (to a file, or dangling) at the name and leaves its target alone', async () => {
    const { victim, work } = scene();
    const planted = path.join(work, 'started');
    await symlink(victim, planted);
    await expectUnsafe(createFileExclusive(planted), planted);
    const dangling = path.join(work, 'dangling');
    await symlink(path.join(work, 'nowhere'), dangling);
    await expectUnsafe(createFileExclusive(dangling), dangling);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(existsSync(path.join(work, 'nowhere'))).toBe(false);
  });

  it('resolves undefined when a regular file already has the name, so exactly one caller wins', async () => {
    const { work } = scene();
    const marker = path.join(work, 'started');
    const results = await Promise.all([1, 2, 3].map((n) => writeFileExclusive(marker, String(n))));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('openFileForWriting', () => {
  it('refuses to append through a symlink or into a file with another hard link', async () => {
    const { victim, work } = scene();
    const part = path.join(work, 'v.mp4.part');
    await symlink(victim, part);
    await expectUnsafe(openFileForWriting(part, 'append'), part);
    await rm(part);
    await link(victim, part);
    await expectUnsafe(openFileForWriting(part, 'truncate'), part);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('catches a file swapped in between the check and the open (dev/ino compared after opening)', async () => {
    const { victim, work } = scene();
    const part = path.join(work, 'v.mp4.part');
    writeFileSync(part, 'mine');
    const open = fileOps.open;
    vi.spyOn(fileOps, 'open').mockImplementationOnce(async (file, flags, mode) => {
      // The attacker's move, after lstat said "a plain file of ours".
      await rm(part);
      await link(victim, part);
      return open(file, flags, mode);
    });
    await expectUnsafe(openFileForWriting(part, 'truncate'), part);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('appends to, or starts over, a regular file of its own', async () => {
    const { work } = scene();
    const part = path.join(work, 'v.mp4.part');
    writeFileSync(part, 'abc');
    const appending = await openFileForWriting(part, 'append');
    await appending.write('def');
    await appending.close();
    expect(readFileSync(part, 'utf8')).toBe('abcdef');
    const truncating = await openFileForWriting(part, 'truncate');
    await truncating.write('x');
    await truncating.close();
    expect(readFileSync(part, 'utf8')).toBe('x');
  });
});

describe('writeFileAtomic', () => {
  it('writes through a fresh random temporary name, so a link planted at the old fixed name is never followed', async () => {
    const { victim, work } = scene();
    const journal = path.join(work, 'v.mp4.job.json');
    await symlink(victim, `${journal}.tmp`);
    await writeFileAtomic(journal, '{"version":1}');
    expect(readFileSync(journal, 'utf8')).toBe('{"version":1}');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readdirSync(work).sort()).toEqual(['v.mp4.job.json', 'v.mp4.job.json.tmp']);
  });

  it('refuses a link or a folder at the target', async () => {
    const { victim, work } = scene();
    const target = path.join(work, 'sequence.json');
    await symlink(victim, target);
    await expectUnsafe(writeFileAtomic(target, '{}'), target);
    await rm(target);
    await mkdir(target);
    await expectUnsafe(writeFileAtomic(target, '{}'), target);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('on a full disk throws disk_full with the path and cause, and leaves no temporary file', async () => {
    const { work } = scene();
    const target = path.join(work, 'v.mp4.job.json');
    const open = fileOps.open;
    vi.spyOn(fileOps, 'open').mockImplementationOnce(async (file, flags, mode) => {
      const handle = await open(file, flags, mode);
      handle.writeFile = async () => {
        throw errno('ENOSPC');
      };
      return handle;
    });
    const error = await writeFileAtomic(target, 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileSystemError);
    expect(error).toMatchObject({ code: 'disk_full', path: target });
    expect((error as Error).message).toMatch(/no space left.*ENOSPC/);
    expect(readdirSync(work)).toEqual([]);
  });

  it('in a read-only folder throws a typed error and leaves nothing', async () => {
    const { work } = scene();
    const readOnly = await makeReadOnly(work);
    const target = path.join(work, 'v.mp4.job.json');
    const error = await writeFileAtomic(target, 'data').catch((e: unknown) => e);
    await readOnly.undo();
    expect(FileSystemError.isInstance(error)).toBe(true);
    expect((error as FileSystemError).code).toBe(readOnly.expectedCode);
    expect((error as FileSystemError).path).toBe(target);
    expect(readdirSync(work)).toEqual([]);
  });
});

describe('removeTemporaryFiles', () => {
  it("removes a crash's temporary files (a link among them itself, not its target) and nothing else", async () => {
    const { victim, work } = scene();
    const journal = path.join(work, 'v.mp4.job.json');
    writeFileSync(`${journal}.0123456789abcdef.tmp`, 'half');
    await symlink(victim, `${journal}.fedcba9876543210.tmp`);
    writeFileSync(path.join(work, 'other.mp4.job.json.0123456789abcdef.tmp'), 'keep');
    await removeTemporaryFiles(journal);
    expect(readdirSync(work)).toEqual(['other.mp4.job.json.0123456789abcdef.tmp']);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });
});

describe('ensureDirectory', () => {
  it('refuses a file, or a link it did not ask to follow, where a folder must be', async () => {
    const { work } = scene();
    const file = path.join(work, 'jobs');
    writeFileSync(file, '');
    await expectUnsafe(ensureDirectory(file, { followLink: true }), file);
    const frames = path.join(work, 'frames');
    await symlink(os.tmpdir(), frames);
    await expectUnsafe(ensureDirectory(frames), frames);
    await ensureDirectory(frames, { followLink: true });
  });
});

describe('toFileSystemError', () => {
  it.each([
    ['ENOSPC', 'disk_full'],
    ['EDQUOT', 'disk_full'],
    ['EROFS', 'read_only'],
    ['EACCES', 'permission_denied'],
    ['EPERM', 'permission_denied'],
    ['EIO', 'io_failed'],
  ])('maps %s to %s, naming the path and keeping the cause', (code, expected) => {
    const cause = errno(code);
    const error = toFileSystemError(cause, '/out/v.mp4.part', 'write');
    expect(error).toMatchObject({ code: expected, path: '/out/v.mp4.part', cause });
    expect(error.message).toContain('/out/v.mp4.part');
  });
});

/**
 * Makes `dir` read-only for this process, for real where possible: `chmod 0o555` (root ignores
 * it), else as root a read-only bind mount, else an EROFS injected into every open.
 */
async function makeReadOnly(
  dir: string,
): Promise<{ undo: () => Promise<void>; expectedCode: 'read_only' | 'permission_denied' }> {
  if (process.getuid?.() !== 0) {
    await chmod(dir, 0o555);
    return { undo: () => chmod(dir, 0o755), expectedCode: 'permission_denied' };
  }
  try {
    execFileSync('mount', ['--bind', '-o', 'ro', dir, dir], { stdio: 'ignore' });
    // Some kernels ignore ro on the first bind: remount makes it stick.
    execFileSync('mount', ['-o', 'remount,bind,ro', dir], { stdio: 'ignore' });
    return {
      undo: async () => void execFileSync('umount', [dir], { stdio: 'ignore' }),
      expectedCode: 'read_only',
    };
  } catch {
    vi.spyOn(fileOps, 'open').mockRejectedValue(errno('EROFS'));
    return { undo: async () => void vi.restoreAllMocks(), expectedCode: 'read_only' };
  }
}
