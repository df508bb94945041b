import { z } from 'zod';
import { jobRefSchema, journalRequestSchema } from '../lifecycle/journal-schema.js';

let record: ReturnType<typeof buildRecordSchema> | undefined;

function buildRecordSchema() {
  return z.looseObject({
    version: z.literal(1),
    id: z.string().min(1),
    provider: z.string().min(1),
    model: z.string(),
    job: jobRefSchema(),
    status: z.enum(['submitted', 'succeeded', 'downloaded', 'failed', 'expired']),
    request: journalRequestSchema(),
    outPath: z.string(),
    usage: z
      .looseObject({
        seconds: z.number().optional(),
        cost: z.looseObject({ amount: z.number(), currency: z.string() }).optional(),
        raw: z.json().optional(),
      })
      .optional(),
    error: z.looseObject({ code: z.string(), message: z.string() }).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  });
}

/** A version 1 ledger record; unknown fields are kept for forward compatibility. Built on first use. */
export function generationRecordSchema() {
  record ??= buildRecordSchema();
  return record;
}
