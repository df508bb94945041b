import { costEstimateSchema, journalSchemas } from '../lifecycle/journal-schema.js';

type Shared = Awaited<ReturnType<typeof journalSchemas>>;
let record: Promise<ReturnType<typeof buildRecordSchema>> | undefined;

function buildRecordSchema({ z, jobRef, request }: Shared) {
  return z.looseObject({
    version: z.literal(1),
    id: z.string().min(1),
    provider: z.string().min(1),
    model: z.string(),
    job: jobRef,
    status: z.enum(['submitted', 'succeeded', 'downloaded', 'failed', 'expired']),
    request,
    outPath: z.string(),
    usage: z
      .looseObject({
        seconds: z.number().optional(),
        cost: z.looseObject({ amount: z.number(), currency: z.string() }).optional(),
        raw: z.json().optional(),
      })
      .optional(),
    costEstimate: costEstimateSchema(z).optional(),
    error: z.looseObject({ code: z.string(), message: z.string() }).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    succeededAt: z.string().optional(),
  });
}

/** A version 1 ledger record; unknown fields are kept for forward compatibility. Built on first use. */
export function generationRecordSchema(): Promise<ReturnType<typeof buildRecordSchema>> {
  record ??= journalSchemas().then(buildRecordSchema);
  return record;
}
