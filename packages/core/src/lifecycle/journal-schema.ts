import type { z as Z } from 'zod';
import { loadZod } from '../validation/load-zod.js';

// Built on first use, with zod loaded then, so importing core loads neither zod nor a schema.
type Zod = typeof Z;
let schemas: Promise<ReturnType<typeof buildSchemas>> | undefined;

function buildJobRefSchema(z: Zod) {
  return z.looseObject({
    provider: z.string().min(1),
    model: z.string(),
    id: z.string().min(1),
    createdAt: z.string(),
    data: z.record(z.string(), z.json()).optional(),
  });
}

function buildRequestSchema(z: Zod) {
  const positive = () => z.number().finite().positive();
  const imageSource = () => z.string().nullable().optional();
  return z.looseObject({
    prompt: z.string(),
    model: z.string(),
    width: positive(),
    height: positive(),
    fps: positive(),
    durationSeconds: positive(),
    seed: z.number().finite().optional(),
    negativePrompt: z.string().optional(),
    audio: z.boolean().optional(),
    firstFrame: imageSource(),
    lastFrame: imageSource(),
    referenceImages: z.array(z.string().nullable()).optional(),
    video: imageSource(),
    videoUse: z.enum(['edit', 'extend', 'reference']).optional(),
    providerOptions: z.record(z.string(), z.unknown()).optional(),
  });
}

/** A cost estimate as a journal or a ledger record keeps it. */
export function costEstimateSchema(z: Zod) {
  return z.looseObject({
    amount: z.number(),
    unit: z.string(),
    basis: z.string(),
    source: z.string(),
    asOf: z.string(),
  });
}

function buildJournalSchema(
  z: Zod,
  request: ReturnType<typeof buildRequestSchema>,
  jobRef: ReturnType<typeof buildJobRefSchema>,
) {
  return z
    .looseObject({
      version: z.literal(1),
      state: z.enum(['submitting', 'submitted', 'downloaded']),
      provider: z.string().min(1),
      outPath: z.string().min(1),
      overwrite: z.boolean().optional(),
      idempotencyKey: z.string().min(1),
      fingerprint: z.string().min(1),
      request,
      job: jobRef.optional(),
      costEstimate: costEstimateSchema(z).optional(),
      warnings: z.array(
        z.looseObject({
          type: z.enum(['unsupported', 'approximated', 'deprecated', 'other']),
          feature: z.string().optional(),
          message: z.string(),
        }),
      ),
      createdAt: z.string(),
      updatedAt: z.string(),
    })
    .refine((value) => value.state === 'submitting' || value.job !== undefined, {
      path: ['job'],
      message: 'required once the job is submitted',
    });
}

function buildSchemas(z: Zod) {
  const jobRef = buildJobRefSchema(z);
  const request = buildRequestSchema(z);
  return { z, jobRef, request, journal: buildJournalSchema(z, request, jobRef) };
}

/**
 * zod and the schemas a journal and a ledger record share: `jobRef` (a job reference as stored),
 * `request` (what was asked for) and `journal` (a version 1 job journal; unknown fields are kept
 * for forward compatibility). Loaded and built on first use.
 */
export function journalSchemas(): Promise<ReturnType<typeof buildSchemas>> {
  schemas ??= loadZod().then(({ z }) => buildSchemas(z));
  return schemas;
}

/** A version 1 job journal; unknown fields are kept for forward compatibility. */
export async function journalSchema(): Promise<ReturnType<typeof buildSchemas>['journal']> {
  return (await journalSchemas()).journal;
}

/** The problems a schema found, as one line: `state: Invalid option ...; request: ...`. */
export function describeIssues(error: Z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`)
    .join('; ');
}
