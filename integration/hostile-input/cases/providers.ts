// Provider ids and values (issue 14 items 14 and 16): registry lookups use own properties only, so
// `__proto__`, `constructor` and friends are unknown providers; a value that is not a provider, or
// no value at all, is an invalid option.
import { expect } from 'vitest';
import { either, type HostileCase, invalidOption, providerNotFound } from '../case.js';
import { gen } from './calls.js';

const notAnId = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '__defineGetter__',
];
const unknownIds = [
  'no-such-provider',
  '../../etc/passwd',
  '/etc/passwd',
  'node:fs',
  '@evil/video-gen-provider',
  'sora2\u0000',
  'local ',
  'https://evil.example/provider.js',
];

const notAProvider = (what: string, value: unknown): HostileCase => ({
  name: `provider is ${what}`,
  run: gen({ provider: value }),
  expect: invalidOption('provider'),
});

export const PROVIDER_CASES: readonly HostileCase[] = [
  ...notAnId.map(
    (id): HostileCase => ({
      name: `provider id "${id}" (an Object.prototype name)`,
      run: gen({ provider: id }),
      expect: providerNotFound,
      after: () => {
        // The lookup never mutated or read through the prototype.
        expect(Object.keys(Object.prototype)).toEqual([]);
      },
    }),
  ),
  ...unknownIds.map(
    (id): HostileCase => ({
      name: `provider id ${JSON.stringify(id)}: not found, nothing imported`,
      run: gen({ provider: id }),
      expect: providerNotFound,
    }),
  ),
  {
    name: 'provider id "" (empty)',
    run: gen({ provider: '' }),
    expect: either(invalidOption('provider'), providerNotFound),
  },
  notAProvider('null', null),
  notAProvider('a number', 42),
  notAProvider('an empty object', {}),
  notAProvider('an array', ['local']),
  notAProvider('true', true),
  notAProvider('an object with an id but no submit', { id: 'fake', models: [] }),
  notAProvider('an object whose submit is a string', {
    id: 'fake',
    models: [{ id: 'm' }],
    submit: 'x',
    status: 'y',
    download: 'z',
  }),
];
