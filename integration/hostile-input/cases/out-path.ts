// outPath (issue 14 items 1, 7, 16): planted links, folders, FIFOs and hard links at the output or
// at a name the library creates beside it are never written through; bad paths are refused before
// submit.
import { linkSync, lstatSync, mkdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { isMp4 } from '../../support/files.js';
import {
  type CaseDirs,
  either,
  errorOrSuccess,
  fileSystem,
  type HostileCase,
  invalidOption,
  outputExists,
  success,
  typed,
  validation,
} from '../case.js';
import { makeFifo } from '../fixtures.js';
import { gen } from './calls.js';

/** The output is a real MP4 at `dirs.outPath`, not a link. */
const videoAt =
  (name = 'clip.mp4') =>
  (result: unknown, dirs: CaseDirs) => {
    const file = path.join(dirs.work, name);
    expect((result as { path: string }).path).toBe(file);
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    expect(isMp4(file)).toBe(true);
  };

const notFile = validation('outPath', 'output_not_file');
const unsafe = fileSystem('unsafe_path');

/** The names the library creates beside an output. */
const SIBLINGS = ['.part', '.job.json.tmp', '.lock'] as const;

const plantedLinks = SIBLINGS.map(
  (suffix): HostileCase => ({
    name: `a symlink to a file outside planted at <out>${suffix}: never written through`,
    setup: (dirs) => symlinkSync(dirs.victim, `${dirs.outPath}${suffix}`),
    run: gen({}),
    expect: errorOrSuccess(unsafe),
  }),
);

const plantedHardLinks = ['.part', '.job.json.tmp'].map(
  (suffix): HostileCase => ({
    name: `a hard link to a file outside planted at <out>${suffix}: never written through`,
    setup: (dirs) => linkSync(dirs.victim, `${dirs.outPath}${suffix}`),
    run: gen({}),
    expect: errorOrSuccess(unsafe),
  }),
);

const plantedFolders = [...SIBLINGS, '.job.json'].map(
  (suffix): HostileCase => ({
    name: `a folder at <out>${suffix}`,
    setup: (dirs) => mkdirSync(`${dirs.outPath}${suffix}`),
    run: gen({}),
    expect:
      suffix === '.lock'
        ? unsafe
        : suffix === '.job.json'
          ? either(unsafe, typed(['journal_unreadable', 'journal_corrupt']))
          : errorOrSuccess(unsafe),
  }),
);

const plantedFifos = ['.part', '.job.json', '.lock'].map(
  (suffix): HostileCase => ({
    name: `a FIFO at <out>${suffix}: typed, no hang`,
    setup: (dirs) => makeFifo(`${dirs.outPath}${suffix}`),
    run: gen({}),
    expect:
      suffix === '.part'
        ? errorOrSuccess(unsafe)
        : either(unsafe, typed(['journal_unreadable', 'journal_corrupt', 'output_locked'])),
  }),
);

export const OUT_PATH_CASES: readonly HostileCase[] = [
  { name: 'outPath is a number', run: gen({ outPath: 42 }), expect: invalidOption('outPath') },
  { name: 'outPath is null', run: gen({ outPath: null }), expect: invalidOption('outPath') },
  { name: 'outPath is empty', run: gen({ outPath: '' }), expect: invalidOption('outPath') },
  {
    name: 'outPath is a URL object',
    run: gen(({ outPath }) => ({ outPath: new URL(`file://${outPath}`) })),
    expect: invalidOption('outPath'),
  },
  {
    name: 'outPath is an array',
    run: gen(({ outPath }) => ({ outPath: [outPath] })),
    expect: invalidOption('outPath'),
  },
  {
    name: 'outPath with a NUL byte',
    run: gen(({ work }) => ({ outPath: `${work}/clip\u0000.mp4` })),
    expect: validation('outPath'),
  },
  {
    name: 'outPath with a 243-character file name (ENAMETOOLONG on the journal temp)',
    run: gen(({ work }) => ({ outPath: path.join(work, `${'a'.repeat(239)}.mp4`) })),
    expect: validation('outPath'),
  },
  {
    name: 'outPath with a 300-character file name',
    run: gen(({ work }) => ({ outPath: path.join(work, `${'b'.repeat(296)}.mp4`) })),
    expect: validation('outPath'),
  },
  {
    name: 'outPath under a regular file (work/notes.txt/clip.mp4)',
    setup: ({ work }) => writeFileSync(path.join(work, 'notes.txt'), 'a file, not a folder'),
    run: gen(({ work }) => ({ outPath: path.join(work, 'notes.txt', 'clip.mp4') })),
    expect: either(validation('outPath'), fileSystem('io_failed', 'unsafe_path')),
  },
  {
    name: 'outPath is an existing folder',
    setup: ({ outPath }) => mkdirSync(outPath),
    run: gen({}),
    expect: notFile,
  },
  {
    name: 'outPath is an existing folder, with overwrite (EISDIR after submit today)',
    setup: ({ outPath }) => mkdirSync(outPath),
    run: gen({ overwrite: true }),
    expect: notFile,
  },
  {
    name: 'outPath is a FIFO, with overwrite: replaced or refused, never opened',
    setup: ({ outPath }) => makeFifo(outPath),
    run: gen({ overwrite: true }),
    expect: errorOrSuccess(either(notFile, unsafe)),
  },
  {
    name: 'outPath is an existing file',
    setup: ({ outPath }) => writeFileSync(outPath, 'the existing output'),
    run: gen({}),
    expect: outputExists,
  },
  {
    name: 'outPath is a symlink to a file outside: OutputExistsError, target untouched',
    vendor: 'runway',
    setup: (dirs) => symlinkSync(dirs.victim, dirs.outPath),
    run: gen({}),
    expect: outputExists,
    after: (dirs) => expect(readlinkSync(dirs.outPath)).toBe(dirs.victim),
  },
  {
    name: 'outPath is a symlink to a file outside, with overwrite: the link is replaced, never its target',
    vendor: 'runway',
    setup: (dirs) => symlinkSync(dirs.victim, dirs.outPath),
    run: gen({ overwrite: true }),
    expect: success(videoAt()),
  },
  {
    name: 'outPath is a dangling symlink into the outside folder: OutputExistsError',
    setup: (dirs) => symlinkSync(path.join(dirs.outside, 'new.mp4'), dirs.outPath),
    run: gen({}),
    expect: outputExists,
  },
  {
    name: 'outPath is a dangling symlink, with overwrite (ENOENT stat after submit today): link replaced, nothing created outside',
    vendor: 'runway',
    setup: (dirs) => symlinkSync(path.join(dirs.outside, 'new.mp4'), dirs.outPath),
    run: gen({ overwrite: true }),
    expect: success(videoAt()),
  },
  {
    name: 'outPath is a symlink to a folder outside, with overwrite',
    setup: (dirs) => symlinkSync(dirs.outside, dirs.outPath),
    run: gen({ overwrite: true }),
    expect: errorOrSuccess(either(notFile, unsafe)),
  },
  {
    name: 'outPath is a hard link to a file outside, with overwrite: replaced, the other name untouched',
    vendor: 'runway',
    setup: (dirs) => linkSync(dirs.victim, dirs.outPath),
    run: gen({ overwrite: true }),
    expect: success(videoAt()),
  },
  {
    name: 'outPath with .. segments: resolved, written inside the case folder',
    vendor: 'runway',
    run: gen(({ work }) => ({ outPath: path.join(work, 'sub', '..', 'clip.mp4') })),
    expect: success(videoAt()),
  },
  ...plantedLinks,
  ...plantedHardLinks,
  {
    name: 'a dangling symlink into the outside folder planted at <out>.part',
    setup: (dirs) => symlinkSync(path.join(dirs.outside, 'new.part'), `${dirs.outPath}.part`),
    run: gen({}),
    expect: errorOrSuccess(unsafe),
  },
  {
    name: 'a symlink to a file outside planted at <out>.job.json',
    setup: (dirs) => symlinkSync(dirs.victim, `${dirs.outPath}.job.json`),
    run: gen({}),
    expect: either(unsafe, typed(['journal_corrupt'])),
  },
  ...plantedFolders,
  ...plantedFifos,
];
