import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateVideo, OutputExistsError, ValidationError } from '../src/index.js';
import { createFakeProvider } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

function setup(outName = 'out.mp4') {
  const dir = tempDir();
  const provider = createFakeProvider({ stateDir: path.join(dir, 'state'), videoPath: tinyMp4() });
  const outPath = path.join(dir, outName);
  const base = { provider, prompt: 'waves', outPath, poll: { initialIntervalMs: 5 }, ledger: false as const };
  return { dir, provider, outPath, base };
}

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as ValidationError,
  );
}

describe('the output path is checked before the submit', () => {
  it.each([false, true])(
    'an existing folder at outPath (overwrite: %s) is output_not_file',
    async (overwrite) => {
      const { provider, outPath, base } = setup();
      mkdirSync(outPath);
      const error = await rejection(generateVideo({ ...base, overwrite }));
      expect(ValidationError.isInstance(error)).toBe(true);
      expect(error.code).toBe('output_not_file');
      expect(error.issues[0]?.field).toBe('outPath');
      expect(error.message).toContain(outPath);
      expect(provider.calls.submit).toBe(0);
      expect(lstatSync(outPath).isDirectory()).toBe(true);
    },
  );

  it('a dangling symlink at outPath without overwrite is an OutputExistsError', async () => {
    const { dir, provider, outPath, base } = setup();
    symlinkSync(path.join(dir, 'nowhere.mp4'), outPath);
    const error = await rejection(generateVideo(base));
    expect(OutputExistsError.isInstance(error)).toBe(true);
    expect(error.issues[0]?.field).toBe('outPath');
    expect(provider.calls.submit).toBe(0);
    expect(lstatSync(outPath).isSymbolicLink()).toBe(true);
  });

  it('a symlink at outPath with overwrite is replaced by the video; its target is untouched', async () => {
    const { dir, outPath, base } = setup();
    const target = path.join(dir, 'victim.txt');
    writeFileSync(target, 'precious');
    symlinkSync(target, outPath);
    const result = await generateVideo({ ...base, overwrite: true });
    expect(lstatSync(result.path).isSymbolicLink()).toBe(false);
    expect(readFileSync(result.path).equals(readFileSync(tinyMp4()))).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });

  it('a dangling symlink with overwrite is replaced, and nothing is created at its target', async () => {
    const { dir, outPath, base } = setup();
    const target = path.join(dir, 'nowhere.mp4');
    symlinkSync(target, outPath);
    await generateVideo({ ...base, overwrite: true });
    expect(lstatSync(outPath).isFile()).toBe(true);
    expect(existsSync(target)).toBe(false);
  });

  it('a file name with no room for the journal temp file beside it (255-byte limit) is refused on outPath', async () => {
    const { provider, outPath, base } = setup(`${'v'.repeat(239)}.mp4`);
    const error = await rejection(generateVideo(base));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.code).toBe('output_name_too_long');
    expect(error.issues[0]?.field).toBe('outPath');
    expect(provider.calls.submit).toBe(0);
    expect(existsSync(path.dirname(outPath))).toBe(true);
  });

  it('a file where the output folder must be created is refused before the submit', async () => {
    const { dir, provider, base } = setup();
    const blocker = path.join(dir, 'blocker');
    writeFileSync(blocker, 'a file, not a folder');
    const error = await rejection(generateVideo({ ...base, outPath: path.join(blocker, 'sub', 'out.mp4') }));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.code).toBe('output_not_directory');
    expect(error.issues[0]?.field).toBe('outPath');
    expect(error.message).toContain(blocker);
    expect(provider.calls.submit).toBe(0);
  });
});

describe('long timeouts', () => {
  it('a timeoutMs above 2^31-1 ms does not time the job out right after the submit', async () => {
    const { dir, base } = setup();
    const provider = createFakeProvider({
      stateDir: path.join(dir, 'slow'),
      videoPath: tinyMp4(),
      statusDelayMs: 20,
    });
    const result = await generateVideo({ ...base, provider, timeoutMs: 2_200_000_000 });
    expect(result.bytes).toBeGreaterThan(0);
  });
});
