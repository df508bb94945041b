import type { ModelPrice } from '@video-gen/core';

const AS_OF = '2026-12-01';
const VERTEX =
  'Vertex AI pricing, Veo (https://cloud.google.com/vertex-ai/generative-ai/pricing), as quoted on 2026-12-01 by https://docs.dev.xavier.icvr.xyz/models/google-vertex/veo-3.1.html';
const WITH_AUDIO =
  'the quoted rate is with audio; Google bills silent video (audio: false) lower, so a silent clip is estimated high';

const perSecond = (rate: number, uhd: number | undefined, source = VERTEX): ModelPrice => ({
  kind: 'per-second',
  unit: 'USD',
  perSecond: rate,
  ...(uhd === undefined ? {} : { tiers: [{ minShortSide: 2160, label: '4k', perSecond: uhd }] }),
  source,
  asOf: AS_OF,
  note: WITH_AUDIO,
});

const veo31 = perSecond(0.4, 0.6);
const veo31Fast = perSecond(0.15, 0.35);
const VERTEX_VEO3 =
  'Vertex AI pricing, Veo 3 (https://cloud.google.com/vertex-ai/generative-ai/pricing), as quoted on 2026-12-01 by https://docs.dev.xavier.icvr.xyz/models/google-vertex/veo-3.html';
const veo30 = perSecond(0.4, undefined, VERTEX_VEO3);
const veo30Fast = perSecond(0.15, undefined, VERTEX_VEO3);

/**
 * What the Veo models cost on Vertex AI, in USD per second of video, keyed by model id: 1080p at
 * the 720p rate, 4K higher; Lite priced by resolution. Vertex returns no cost with the operation.
 */
export const veoPrices: Readonly<Record<string, ModelPrice>> = {
  'veo-3.1-generate-001': veo31,
  'veo-3.1-generate-preview': veo31,
  'veo-3.1-fast-generate-001': veo31Fast,
  'veo-3.1-fast-generate-preview': veo31Fast,
  'veo-3.1-lite-generate-001': {
    kind: 'per-second',
    unit: 'USD',
    perSecond: 0.05,
    tiers: [{ minShortSide: 1080, label: '1080p', perSecond: 0.08 }],
    source:
      'Vertex AI pricing, Veo 3.1 Lite (https://cloud.google.com/vertex-ai/generative-ai/pricing), as quoted on 2026-12-01 by https://docs.dev.xavier.icvr.xyz/models/google-vertex/veo-3.1-lite-generate-001.html',
    asOf: AS_OF,
  },
  'veo-3.0-generate-001': veo30,
  'veo-3.0-fast-generate-001': veo30Fast,
  'veo-2.0-generate-001': {
    kind: 'unknown',
    unit: 'USD',
    source:
      'no Vertex AI figure for Veo 2 could be verified on 2026-12-01 (only a Gemini API figure, 0.35 USD/s, from a secondary source)',
    asOf: AS_OF,
  },
};
