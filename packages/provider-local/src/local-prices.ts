import type { ModelPrice } from '@video-gen/core';

/** The local renderer runs ffmpeg on this machine: it costs nothing. */
export const localPrices: Readonly<Record<string, ModelPrice>> = {
  'local-v1': {
    kind: 'per-call',
    unit: 'USD',
    perCall: 0,
    source: 'video-gen: rendered locally with ffmpeg, no vendor',
    asOf: '2026-12-01',
  },
};
