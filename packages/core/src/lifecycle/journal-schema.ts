import { z } from 'zod';

// Built on first use, so importing core costs no schema construction.
let journal: ReturnType<typeof buildJournalSchema> | undefined;
let request: ReturnType<typeof buildRequestSchema> | undefined;
let jobRef: ReturnType<typeof buildJobRefSchema> | undefined;

const positive = () => z.number().finite().positive();
const imageSource = () => z.string().nullable().optional();

function buildJobRefSchema() {
  return z.looseObject({
    provider: z.string().min(1),
    model: z.string(),
    id: z.string().min(1),
    createdAt: z.string(),
    data: z.record(z.string(), z.json()).optional(),
  });
}

function buildRequestSchema() {
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

function buildJournalSchema() {
  return z
    .looseObject({
      version: z.literal(1),
      state: z.enum(['submitting', 'submitted', 'downloaded']),
      provider: z.string().min(1),
      outPath: z.string().min(1),
      overwrite: z.boolean().optional(),
      idempotencyKey: z.string().min(1),
      fingerprint: z.string().min(1),
      request: journalRequestSchema(),
      job: jobRefSchema().optional(),
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

/** A job reference as stored in a journal or a ledger record. */
export function jobRefSchema() {
  jobRef ??= buildJobRefSchema();
  return jobRef;
}

/** The journal request: what was asked for, as stored in a journal or a ledger record. */
export function journalRequestSchema() {
  request ??= buildRequestSchema();
  return request;
}

/** A version 1 job journal; unknown fields are kept for forward compatibility. */
export function journalSchema() {
  journal ??= buildJournalSchema();
  return journal;
}

/** The problems a schema found, as one line: `state: Invalid option ...; request: ...`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`)
    .join('; ');
}
