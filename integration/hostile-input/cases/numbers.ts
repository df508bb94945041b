// Absurd, non-finite and mistyped numbers (issue 14 items 3 and 17): refused before submit, except
// a long timeout, which must simply work (Node's timers clamp anything above 2^31-1 ms to 1 ms).
import { expect } from 'vitest';
import { isMp4 } from '../../support/files.js';
import { type HostileCase, invalidOption, success, validation } from '../case.js';
import { gen } from './calls.js';

const producedVideo = (result: unknown) => {
  expect(isMp4((result as { path: string }).path)).toBe(true);
};

const sizeFields = ['size', 'width', 'height'] as const;

export const NUMBER_CASES: readonly HostileCase[] = [
  {
    name: 'an absurd size (100000x100000)',
    vendor: 'sora2',
    run: gen({ width: 100_000, height: 100_000 }),
    expect: validation(sizeFields),
  },
  {
    name: 'a negative size',
    vendor: 'runway',
    run: gen({ width: -1280, height: -720 }),
    expect: validation(sizeFields),
  },
  {
    name: 'an Infinity width',
    vendor: 'sora2',
    run: gen({ width: Number.POSITIVE_INFINITY, height: 720 }),
    expect: validation(sizeFields),
  },
  { name: 'a NaN height', run: gen({ height: Number.NaN }), expect: validation(sizeFields) },
  { name: 'a fractional width (160.5)', run: gen({ width: 160.5 }), expect: validation(sizeFields) },
  { name: 'a width given as a string', run: gen({ width: '160' }), expect: invalidOption('width') },
  { name: 'a width given as a BigInt', run: gen({ width: 160n }), expect: invalidOption('width') },
  { name: 'a zero size', run: gen({ width: 0, height: 0 }), expect: validation(sizeFields) },
  {
    name: 'an absurd duration (1e9 s)',
    vendor: 'sora2',
    run: gen({ durationSeconds: 1e9 }),
    expect: validation('durationSeconds'),
  },
  {
    name: 'a NaN duration',
    vendor: 'runway',
    run: gen({ durationSeconds: Number.NaN }),
    expect: validation('durationSeconds'),
  },
  { name: 'a negative duration', run: gen({ durationSeconds: -1 }), expect: validation('durationSeconds') },
  { name: 'a zero duration', run: gen({ durationSeconds: 0 }), expect: validation('durationSeconds') },
  {
    name: 'a duration given as a string',
    run: gen({ durationSeconds: '1' }),
    expect: invalidOption('durationSeconds'),
  },
  { name: 'a NaN seed', vendor: 'runway', run: gen({ seed: Number.NaN }), expect: validation('seed') },
  { name: 'an Infinity seed', run: gen({ seed: Number.POSITIVE_INFINITY }), expect: validation('seed') },
  { name: 'a seed given as a string', run: gen({ seed: '42' }), expect: invalidOption('seed') },
  {
    name: 'an Infinity fps',
    vendor: 'sora2',
    run: gen({ fps: Number.POSITIVE_INFINITY }),
    expect: validation('fps'),
  },
  { name: 'a negative fps', run: gen({ fps: -12 }), expect: validation('fps') },
  { name: 'a NaN fps', run: gen({ fps: Number.NaN }), expect: validation('fps') },
  { name: 'timeoutMs NaN', run: gen({ timeoutMs: Number.NaN }), expect: invalidOption('timeoutMs') },
  {
    name: 'timeoutMs Infinity',
    run: gen({ timeoutMs: Number.POSITIVE_INFINITY }),
    expect: invalidOption('timeoutMs'),
  },
  { name: 'timeoutMs negative', run: gen({ timeoutMs: -1 }), expect: invalidOption('timeoutMs') },
  { name: 'timeoutMs as a string', run: gen({ timeoutMs: '60000' }), expect: invalidOption('timeoutMs') },
  { name: 'timeoutMs null', run: gen({ timeoutMs: null }), expect: invalidOption('timeoutMs') },
  {
    name: 'timeoutMs 2^31 ms (above the timer limit): waits, does not time out after submit',
    run: gen({ timeoutMs: 2 ** 31 }),
    expect: success(producedVideo),
  },
  {
    name: 'timeoutMs 2 200 000 s (the CLI reproduction) on a Runway job: waits, does not time out',
    vendor: 'runway',
    run: gen({ timeoutMs: 2_200_000_000 }),
    expect: success(producedVideo),
  },
  {
    name: 'maxDownloadBytes NaN (would remove the cap)',
    vendor: 'runway',
    run: gen({ maxDownloadBytes: Number.NaN }),
    expect: invalidOption('maxDownloadBytes'),
  },
  {
    name: 'maxDownloadBytes -1 (failed only after submit)',
    vendor: 'runway',
    run: gen({ maxDownloadBytes: -1 }),
    expect: invalidOption('maxDownloadBytes'),
  },
  {
    name: 'maxDownloadBytes as a string',
    run: gen({ maxDownloadBytes: '1000' }),
    expect: invalidOption('maxDownloadBytes'),
  },
  {
    name: 'maxDownloadBytes -Infinity',
    run: gen({ maxDownloadBytes: Number.NEGATIVE_INFINITY }),
    expect: invalidOption('maxDownloadBytes'),
  },
  {
    name: 'maxDownloadBytes 1.5',
    run: gen({ maxDownloadBytes: 1.5 }),
    expect: invalidOption('maxDownloadBytes'),
  },
  {
    name: 'poll.initialIntervalMs NaN',
    run: gen({ poll: { initialIntervalMs: Number.NaN } }),
    expect: invalidOption('poll'),
  },
  {
    name: 'poll.maxIntervalMs negative',
    run: gen({ poll: { maxIntervalMs: -5 } }),
    expect: invalidOption('poll'),
  },
  { name: 'poll with an unknown key', run: gen({ poll: { intervalMs: 5 } }), expect: invalidOption('poll') },
  { name: 'retry.retries -1', run: gen({ retry: { retries: -1 } }), expect: invalidOption('retry') },
  { name: 'retry.retries NaN', run: gen({ retry: { retries: Number.NaN } }), expect: invalidOption('retry') },
];
