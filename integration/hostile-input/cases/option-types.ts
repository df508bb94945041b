// Options of the wrong type, unknown keys and truthy strings (issue 14 items 16 and 17): each is a
// ValidationError `invalid_options` naming the option, thrown before any paid call.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { type HostileCase, invalidOption, typed, validation } from '../case.js';
import { gen, genRaw } from './calls.js';

const wrongTypes: readonly (readonly [string, string, unknown])[] = [
  ['prompt', 'a number', 42],
  ['prompt', 'null', null],
  ['prompt', 'an array', ['waves']],
  ['prompt', 'an object', { text: 'waves' }],
  ['model', 'a number', 42],
  ['model', 'an object', { id: 'local' }],
  ['negativePrompt', 'a number', 7],
  ['audio', 'the string "yes"', 'yes'],
  ['audio', 'the number 1', 1],
  ['signal', 'a plain object', {}],
  ['signal', 'a string', 'abort'],
  ['signal', 'true', true],
  ['onProgress', 'a string', 'console.log'],
  ['onProgress', 'an object', { call: () => {} }],
  ['fetch', 'a string', 'https://example.com'],
  ['fetch', 'an object', {}],
  ['allowLoopbackDownloads', 'the string "true"', 'true'],
  ['cancelRemoteOnAbort', 'the string "false"', 'false'],
  ['ledger', 'a number', 42],
  ['ledger', 'true', true],
  ['retry', 'a string', 'forever'],
  ['poll', 'a number', 5],
  ['limits', 'a string', 'none'],
  ['images', 'a string instead of a list', 'a.png'],
  ['images', 'an object', { 0: 'a.png' }],
  ['referenceImages', 'a string instead of a list', 'ref.png'],
  ['providerOptions', 'a number', 42],
  ['providerOptions', 'a string', 'fast'],
  ['providerOptions', 'an array', [{ local: {} }]],
];

const signalLeavesNoJournal = (dirs: { outPath: string }) => {
  expect(existsSync(`${dirs.outPath}.job.json`), 'a journal left by the refused call').toBe(false);
};

export const OPTION_TYPE_CASES: readonly HostileCase[] = [
  {
    name: 'a 1 MB prompt',
    vendor: 'sora2',
    run: gen({ prompt: 'a'.repeat(1_000_000) }),
    expect: validation('prompt'),
  },
  {
    name: 'a prompt with NUL and escape characters',
    vendor: 'runway',
    run: gen({ prompt: 'waves\u0000\u001b[31m at sunset' }),
    expect: validation('prompt'),
  },
  { name: 'a blank prompt', vendor: 'sora2', run: gen({ prompt: ' \n\t ' }), expect: validation('prompt') },
  ...wrongTypes.map(
    ([field, what, value]): HostileCase => ({
      name: `${field} is ${what}`,
      run: gen({ [field]: value }),
      expect: invalidOption(field),
      ...(field === 'signal' ? { after: signalLeavesNoJournal } : {}),
    }),
  ),
  {
    name: 'images: [42]',
    run: gen({ images: [42] }),
    expect: invalidOption('images[0]'),
  },
  {
    name: 'images: [null]',
    run: gen({ images: [null] }),
    expect: invalidOption('images[0]'),
  },
  {
    name: 'images: a valid path then {}',
    run: gen(({ inputs }) => ({ images: [`${inputs}/frame.png`, {}] })),
    expect: invalidOption('images[1]'),
  },
  {
    name: 'referenceImages: [true]',
    run: gen({ referenceImages: [true] }),
    expect: invalidOption('referenceImages[0]'),
  },
  { name: 'firstFrame is a number', run: gen({ firstFrame: 42 }), expect: invalidOption('firstFrame') },
  {
    name: 'lastFrame is an object',
    run: gen({ lastFrame: { path: 'a.png' } }),
    expect: invalidOption('lastFrame'),
  },
  { name: 'an unknown key (promt)', run: gen({ promt: 'typo' }), expect: invalidOption('promt') },
  {
    name: 'an unknown key (outpath)',
    run: gen(({ outPath }) => ({ outpath: outPath })),
    expect: invalidOption('outpath'),
  },
  { name: 'an unknown key (heigth)', run: gen({ heigth: 90 }), expect: invalidOption('heigth') },
  {
    name: 'an own __proto__ key from JSON.parse (prototype pollution)',
    run: gen(() => JSON.parse('{"__proto__": {"overwrite": true}}') as Record<string, unknown>),
    expect: invalidOption('__proto__'),
    after: () => {
      expect(({} as { overwrite?: unknown }).overwrite).toBeUndefined();
    },
  },
  { name: 'the options are null', run: genRaw(null), expect: typed(['invalid_options']) },
  { name: 'the options are a string', run: genRaw('a red kite'), expect: typed(['invalid_options']) },
  { name: 'the options are an array', run: genRaw([{ prompt: 'x' }]), expect: typed(['invalid_options']) },
  {
    name: 'overwrite is the string "false" and the output exists: not replaced',
    setup: ({ outPath }) => writeFileSync(outPath, 'the existing output'),
    run: gen({ overwrite: 'false' }),
    expect: invalidOption('overwrite'),
    after: ({ outPath }) => expect(readFileSync(outPath, 'utf8')).toBe('the existing output'),
  },
  {
    name: 'overwrite is the string "true"',
    run: gen({ overwrite: 'true' }),
    expect: invalidOption('overwrite'),
  },
  { name: 'overwrite is 1', run: gen({ overwrite: 1 }), expect: invalidOption('overwrite') },
  { name: 'overwrite is null', run: gen({ overwrite: null }), expect: invalidOption('overwrite') },
  {
    name: 'an already aborted signal: CancelledError, nothing submitted',
    run: gen({ signal: AbortSignal.abort(new Error('stop')) }),
    expect: typed(['cancelled']),
    after: signalLeavesNoJournal,
  },
  {
    name: 'a model the provider does not have',
    run: gen({ model: 'no-such-model' }),
    expect: validation('model'),
  },
  {
    name: 'jobsDir of the local provider is a file',
    setup: ({ work }) => writeFileSync(`${work}/jobs-file`, 'not a folder'),
    run: gen(({ work }) => ({ provider: 'local', providerConfig: { jobsDir: `${work}/jobs-file` } })),
    expect: {
      kind: 'error',
      label: 'ConfigurationError, or FileSystemError, naming jobsDir',
      check: (e) =>
        e instanceof Error &&
        ['ConfigurationError', 'FileSystemError'].includes(e.name) &&
        e.message.includes('jobs-file'),
      submits: 0,
    },
  },
  {
    name: 'providerConfig of the local provider with an unknown key',
    run: gen({ provider: 'local', providerConfig: { jobDir: '/tmp' } }),
    expect: typed(['configuration_invalid']),
  },
];
