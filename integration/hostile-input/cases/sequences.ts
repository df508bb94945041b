// generateSequence (issue 14 items 1 and 18): every path and option is checked before the first
// clip is paid for; planted links in the sequence folder are never written through.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type GenerateSequenceResult, generateSequence } from '@video-gen/stitching';
import { expect } from 'vitest';
import { isMp4 } from '../../support/files.js';
import {
  type CaseContext,
  type CaseDirs,
  type Expectation,
  either,
  fileSystem,
  type HostileCase,
  invalidOption,
  providerNotFound,
  typed,
  validation,
} from '../case.js';

const seqDir = (dirs: CaseDirs) => path.join(dirs.work, 'seq');

/** A two-clip local sequence into `work/seq`, with `fields` over it. */
function sequence(fields: Record<string, unknown> | ((dirs: CaseDirs) => Record<string, unknown>) = {}) {
  return (context: CaseContext) => {
    const { width, height, fps, durationSeconds, poll, retry } = context.base as Record<string, never>;
    return generateSequence({
      provider: context.harness.provider,
      clips: [{ prompt: 'a paper boat sets off' }, { prompt: 'the boat drifts on' }],
      outDir: seqDir(context),
      ...{ width, height, fps, durationSeconds, poll, retry },
      ...(typeof fields === 'function' ? fields(context) : fields),
    } as never);
  };
}

const unsafe = fileSystem('unsafe_path');
const concatTo = validation('concatTo');
const madeSequence: Expectation = {
  kind: 'success',
  submits: 2,
  check: (result) => {
    const { clips, concatPath } = result as GenerateSequenceResult;
    expect(clips).toHaveLength(2);
    expect(concatPath && isMp4(concatPath)).toBe(true);
  },
};

export const SEQUENCE_CASES: readonly HostileCase[] = [
  {
    name: 'concatTo equal to outDir (failed after every clip was paid for)',
    run: sequence((d) => ({ concatTo: seqDir(d) })),
    expect: concatTo,
  },
  {
    name: 'concatTo with a NUL byte',
    run: sequence((d) => ({ concatTo: `${d.work}/film\u0000.mp4` })),
    expect: concatTo,
  },
  {
    name: 'concatTo an existing folder',
    setup: (d) => mkdirSync(path.join(d.work, 'film.mp4')),
    run: sequence((d) => ({ concatTo: path.join(d.work, 'film.mp4') })),
    expect: concatTo,
  },
  {
    name: "concatTo is the first clip's own path",
    run: sequence((d) => ({ concatTo: path.join(seqDir(d), 'clip-01.mp4') })),
    expect: concatTo,
  },
  {
    name: 'concatTo is the sequence manifest',
    run: sequence((d) => ({ concatTo: path.join(seqDir(d), 'sequence.json') })),
    expect: concatTo,
  },
  { name: 'concatTo is a number', run: sequence({ concatTo: 42 }), expect: invalidOption('concatTo') },
  {
    name: 'concatTo is a symlink to a file outside',
    setup: (d) => symlinkSync(d.victim, path.join(d.work, 'film.mp4')),
    run: sequence((d) => ({ concatTo: path.join(d.work, 'film.mp4') })),
    expect: either(typed(['output_exists']), unsafe),
  },
  {
    name: 'outDir is an existing file',
    setup: (d) => writeFileSync(seqDir(d), 'a file, not a folder'),
    run: sequence(),
    expect: validation('outDir'),
  },
  {
    name: 'outDir with a NUL byte',
    run: sequence((d) => ({ outDir: `${d.work}/seq\u0000` })),
    expect: validation('outDir'),
  },
  { name: 'outDir is a number', run: sequence({ outDir: 42 }), expect: invalidOption('outDir') },
  { name: 'no clips', run: sequence({ clips: [] }), expect: validation('clips') },
  { name: 'clips is a string', run: sequence({ clips: 'one clip' }), expect: invalidOption('clips') },
  { name: 'a clip without a prompt', run: sequence({ clips: [{}] }), expect: validation('clips') },
  {
    name: 'a clip whose prompt is a number',
    run: sequence({ clips: [{ prompt: 42 }] }),
    expect: validation('clips'),
  },
  {
    name: 'a clip with an unknown key',
    run: sequence({ clips: [{ prompt: 'a', promt: 'b' }] }),
    expect: invalidOption('clips'),
  },
  {
    name: 'a clip image that is a number',
    run: sequence({ clips: [{ prompt: 'a', images: [42] }] }),
    expect: invalidOption('clips'),
  },
  {
    name: 'per-clip image lists of the wrong length',
    run: sequence((d) => ({ images: [[path.join(d.inputs, 'frame.png')], [], []] })),
    expect: validation('images'),
  },
  {
    name: 'a bomb PNG as the first clip image',
    run: sequence((d) => ({
      clips: [{ prompt: 'a', firstFrame: path.join(d.inputs, 'bomb-16000.png') }, { prompt: 'b' }],
    })),
    expect: typed(['input_image_too_large']),
  },
  {
    name: 'delayBetweenClipsMs NaN',
    run: sequence({ delayBetweenClipsMs: Number.NaN }),
    expect: validation('delayBetweenClipsMs'),
  },
  {
    name: 'delayBetweenClipsMs -1',
    run: sequence({ delayBetweenClipsMs: -1 }),
    expect: validation('delayBetweenClipsMs'),
  },
  {
    name: 'delayBetweenClipsMs Infinity',
    run: sequence({ delayBetweenClipsMs: Number.POSITIVE_INFINITY }),
    expect: validation('delayBetweenClipsMs'),
  },
  {
    name: 'an unknown option (outdir)',
    run: sequence((d) => ({ outdir: seqDir(d) })),
    expect: invalidOption('outdir'),
  },
  { name: 'frameFormat "gif"', run: sequence({ frameFormat: 'gif' }), expect: validation('frameFormat') },
  {
    name: 'concat.crf NaN',
    run: sequence((d) => ({ concatTo: path.join(d.work, 'film.mp4'), concat: { crf: Number.NaN } })),
    expect: invalidOption('concat'),
  },
  {
    name: 'concat.preset with shell characters',
    run: sequence((d) => ({ concatTo: path.join(d.work, 'film.mp4'), concat: { preset: 'fast; rm -rf ~' } })),
    expect: invalidOption('concat'),
  },
  {
    name: 'a sequence with timeoutMs NaN',
    run: sequence({ timeoutMs: Number.NaN }),
    expect: invalidOption('timeoutMs'),
  },
  {
    name: 'a sequence with maxDownloadBytes -1',
    run: sequence({ maxDownloadBytes: -1 }),
    expect: invalidOption('maxDownloadBytes'),
  },
  { name: 'provider "__proto__"', run: sequence({ provider: '__proto__' }), expect: providerNotFound },
  {
    name: 'a symlink to a file outside planted at <outDir>/sequence.json',
    setup: (d) => {
      mkdirSync(seqDir(d));
      symlinkSync(d.victim, path.join(seqDir(d), 'sequence.json'));
    },
    run: sequence(),
    expect: either(unsafe, typed(['manifest_corrupt'])),
  },
  {
    name: 'a symlink to the outside folder planted at <outDir>/frames: no frame extracted there',
    setup: (d) => {
      mkdirSync(seqDir(d));
      symlinkSync(d.outside, path.join(seqDir(d), 'frames'));
    },
    run: sequence(),
    expect: unsafe,
  },
  {
    name: 'a symlink to a file outside planted at <outDir>/clip-01.mp4',
    setup: (d) => {
      mkdirSync(seqDir(d));
      symlinkSync(d.victim, path.join(seqDir(d), 'clip-01.mp4'));
    },
    run: sequence({ resume: false }),
    expect: either(unsafe, typed(['sequence_dir_not_empty', 'output_exists'])),
  },
  {
    name: 'two clips joined into work/film.mp4: the intended success',
    run: sequence((d) => ({ concatTo: path.join(d.work, 'film.mp4') })),
    expect: madeSequence,
  },
];
