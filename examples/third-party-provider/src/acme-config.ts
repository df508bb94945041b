import { defineProviderConfig } from '@video-gen/core';
import { z } from 'zod';

/** Acme's settings: the API key (a secret, redacted from logs) and the API's base URL. */
export const AcmeConfig = defineProviderConfig({
  provider: 'acme',
  schema: z.object({
    apiKey: z.string().min(1),
    baseURL: z.url().default('https://api.acme.example'),
  }),
  env: { apiKey: ['ACME_API_KEY'], baseURL: ['ACME_BASE_URL'] },
  secrets: ['apiKey'],
});

/** The config `createAcme` takes. */
export type AcmeSettings = z.input<typeof AcmeConfig.schema>;
