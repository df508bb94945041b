import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '@video-gen/core';
import { createLocal } from '@video-gen/provider-local';
import { countingProvider } from '@video-gen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/media-helpers.js';
import { generateSequence } from './generate-sequence.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const small = { width: 160, height: 96, fps: 8, durationSeconds: 1 };
const clips = [{ prompt: 'a red kite' }, { prompt: 'a storm at sea' }];

async function refusal(run: Promise<unknown>): Promise<ValidationError> {
  return run.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as ValidationError,
  );
}

function local(name: string) {
  return countingProvider(createLocal({ jobsDir: path.join(dir, `jobs-${name}`) }));
}

describe('generateSequence checks every option and path before the first clip', () => {
  it.each<[string, (outDir: string) => Record<string, unknown>, string, string]>([
    ['concatTo equal to outDir', (outDir) => ({ concatTo: outDir }), 'concatTo', 'sequence_path_conflict'],
    [
      "concatTo on a clip's name",
      (outDir) => ({ concatTo: path.join(outDir, 'clip-02.mp4') }),
      'concatTo',
      'sequence_path_conflict',
    ],
    [
      'concatTo inside a clip name',
      (outDir) => ({ concatTo: path.join(outDir, 'clip-01.mp4', 'x.mp4') }),
      'concatTo',
      'sequence_path_conflict',
    ],
    [
      'concatTo around outDir',
      (outDir) => ({ concatTo: path.dirname(outDir) }),
      'concatTo',
      'sequence_path_conflict',
    ],
    ['a NUL byte in concatTo', () => ({ concatTo: 'final\0.mp4' }), 'concatTo', 'invalid_options'],
    ['a NUL byte in outDir', (outDir) => ({ outDir: `${outDir}\0x` }), 'outDir', 'invalid_options'],
    [
      "a NUL byte in a clip's image",
      () => ({ clips: [{ prompt: 'a', images: ['a\0.png'] }, { prompt: 'b' }] }),
      'clips[0].images[0]',
      'invalid_options',
    ],
    ['a NUL byte in ffmpegPath', () => ({ ffmpegPath: '/bin/ff\0mpeg' }), 'ffmpegPath', 'invalid_options'],
    ["clips: 'a kite'", () => ({ clips: 'a kite' }), 'clips', 'invalid_options'],
    ['timeoutMs: NaN', () => ({ timeoutMs: Number.NaN }), 'timeoutMs', 'invalid_options'],
    ['maxDownloadBytes: -1', () => ({ maxDownloadBytes: -1 }), 'maxDownloadBytes', 'invalid_options'],
    ["resume: 'false'", () => ({ resume: 'false' }), 'resume', 'invalid_options'],
    [
      "concat: { overwrite: 'true' }",
      () => ({ concat: { overwrite: 'true' } }),
      'concat.overwrite',
      'invalid_options',
    ],
    ['signal: {}', () => ({ signal: {} }), 'signal', 'invalid_options'],
    ['an unknown key', () => ({ concatto: 'x.mp4' }), 'concatto', 'invalid_options'],
  ])('%s is a ValidationError on %s with no clip paid for', async (name, override, field, code) => {
    const { provider, calls } = local(name.replace(/\W+/g, '-'));
    const outDir = path.join(dir, `seq-${name.replace(/\W+/g, '-')}`);
    const error = await refusal(
      generateSequence({ provider, clips, outDir, ...small, ...override(outDir) } as never),
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error.code).toBe(code);
    expect(error.issues.map((issue) => issue.field)).toContain(field);
    expect(error.message).toContain(field.split('[')[0]);
    expect(calls.submit).toBe(0);
    await expect(stat(path.join(outDir, 'sequence.json'))).rejects.toThrow();
  });

  it('suggests the option a misspelt key meant', async () => {
    const { provider } = local('misspelt');
    const error = await refusal(
      generateSequence({
        provider,
        clips,
        outDir: path.join(dir, 'misspelt'),
        delayBetweenClips: 5,
      } as never),
    );
    expect(error.message).toContain('did you mean delayBetweenClipsMs?');
  });

  it('an outDir that is an existing file is output_not_directory, and the file is untouched', async () => {
    const { provider, calls } = local('outdir-file');
    const outDir = path.join(dir, 'a-file');
    await writeFile(outDir, 'keep me');
    const error = await refusal(generateSequence({ provider, clips, outDir, ...small }));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'output_not_directory', issues: [{ field: 'outDir' }] });
    expect(calls.submit).toBe(0);
    expect(await readFile(outDir, 'utf8')).toBe('keep me');
  });

  it('a concatTo that is an existing folder is output_not_file', async () => {
    const { provider, calls } = local('concat-folder');
    const concatTo = path.join(dir, 'joined-folder');
    await mkdir(concatTo);
    const error = await refusal(
      generateSequence({ provider, clips, outDir: path.join(dir, 'concat-folder'), concatTo, ...small }),
    );
    expect(error).toMatchObject({ code: 'output_not_file', issues: [{ field: 'concatTo' }] });
    expect(calls.submit).toBe(0);
  });
});
