// providerOptions: each provider validates its own entry strictly; a bad key or value is a
// ValidationError naming `providerOptions.<id>.<key>`, before any paid call.

import type { VendorId } from '../../support/vendors.js';
import type { HostileCase } from '../case.js';
import { validation } from '../case.js';
import { gen } from './calls.js';

const row = (
  vendor: VendorId | 'local',
  id: string,
  entry: unknown,
  field: string,
  what: string,
): HostileCase => ({
  name: `providerOptions.${id} ${what}`,
  vendor,
  run: gen({ providerOptions: { [id]: entry } }),
  expect: validation(field),
});

/** An unknown key: an issue on the provider's entry whose message names the key. */
const unknownKey = (
  vendor: VendorId | 'local',
  id: string,
  key: string,
  entry: Record<string, unknown>,
): HostileCase => {
  const base = validation(`providerOptions.${id}`);
  return {
    name: `providerOptions.${id} with an unknown key (${key})`,
    vendor,
    run: gen({ providerOptions: { [id]: entry } }),
    expect: {
      ...base,
      label: `${base.label}, naming "${key}"`,
      check: (e: unknown) => base.check(e) && (e as Error).message.includes(key),
    },
  };
};

export const PROVIDER_OPTION_CASES: readonly HostileCase[] = [
  unknownKey('local', 'local', 'quality', { quality: 'max' }),
  row('local', 'local', 'fast', 'providerOptions', 'is a string'),
  row('local', 'local', [1, 2], 'providerOptions', 'is an array'),
  unknownKey('runway', 'runway', 'bogus', { bogus: 1 }),
  row(
    'runway',
    'runway',
    { contentModeration: { publicFigureThreshold: 'high' } },
    'providerOptions.runway.contentModeration.publicFigureThreshold',
    'with a threshold Runway does not take',
  ),
  row(
    'runway',
    'runway',
    { contentModeration: 'low' },
    'providerOptions.runway.contentModeration',
    'with contentModeration a string',
  ),
  unknownKey('runway', 'runway', 'extra', {
    contentModeration: { publicFigureThreshold: 'low', extra: true },
  }),
  row('runway', 'runway', 'x', 'providerOptions', 'is a string'),
  row(
    'sora2',
    'sora2',
    { fitInputReference: 'stretch' },
    'providerOptions.sora2.fitInputReference',
    'fitInputReference "stretch"',
  ),
  row(
    'sora2',
    'sora2',
    { fitInputReference: 1 },
    'providerOptions.sora2.fitInputReference',
    'fitInputReference a number',
  ),
  unknownKey('sora2', 'sora2', 'size', { size: '4096x4096' }),
  row('sora2', 'sora2', 42, 'providerOptions', 'is a number'),
  unknownKey('azure-sora', 'azure-sora', 'deployment', { deployment: 'other' }),
  row(
    'azure-sora',
    'azure-sora',
    { fitInputReference: 'fill' },
    'providerOptions.azure-sora.fitInputReference',
    'fitInputReference "fill"',
  ),
  row('veo3', 'veo3', { sampleCount: 0 }, 'providerOptions.veo3.sampleCount', 'sampleCount 0'),
  row('veo3', 'veo3', { sampleCount: 5 }, 'providerOptions.veo3.sampleCount', 'sampleCount 5'),
  row('veo3', 'veo3', { sampleCount: Number.NaN }, 'providerOptions.veo3.sampleCount', 'sampleCount NaN'),
  row('veo3', 'veo3', { sampleCount: '2' }, 'providerOptions.veo3.sampleCount', 'sampleCount as a string'),
  row(
    'veo3',
    'veo3',
    { storageUri: 'https://evil.example/bucket/' },
    'providerOptions.veo3.storageUri',
    'storageUri not gs://',
  ),
  row(
    'veo3',
    'veo3',
    { storageUri: 'gs://' },
    'providerOptions.veo3.storageUri',
    'storageUri with no bucket',
  ),
  row(
    'veo3',
    'veo3',
    { personGeneration: 'everyone' },
    'providerOptions.veo3.personGeneration',
    'personGeneration "everyone"',
  ),
  row(
    'veo3',
    'veo3',
    { enhancePrompt: 'false' },
    'providerOptions.veo3.enhancePrompt',
    'enhancePrompt the string "false"',
  ),
  unknownKey('veo3', 'veo3', 'generateAudio', { generateAudio: true }),
];
