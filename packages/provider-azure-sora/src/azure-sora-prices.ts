import type { ModelPrice } from '@video-gen/core';

const unknown: ModelPrice = {
  kind: 'unknown',
  unit: 'USD',
  source:
    'Azure AI Foundry bills Sora per deployment and region (https://azure.microsoft.com/pricing/details/cognitive-services/openai-service/); no Azure figure could be verified',
  asOf: '2026-12-01',
  note: "OpenAI's own rates (sora-2 0.10 USD/s, sora-2-pro 0.30–0.50 USD/s) are a guide only",
};

/** What Sora 2 costs on Azure, keyed by model id: unknown (see `source`), so estimates warn and `maxCost` refuses. */
export const azureSoraPrices: Readonly<Record<string, ModelPrice>> = {
  'sora-2': unknown,
  'sora-2-pro': unknown,
  'sora-2-2025-10-06': unknown,
  'sora-2-pro-2025-10-06': unknown,
  'sora-2-2025-12-08': unknown,
};
