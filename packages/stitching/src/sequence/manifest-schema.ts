import { z } from 'zod';

// What a run needs from sequence.json, checked on read: a manifest edited by hand or cut short
// must fail loudly, not resume the wrong clip. Unknown fields are kept (a newer writer may add some).
const frame = z.object({ path: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

const settings = z.looseObject({
  width: z.number().nullable(),
  height: z.number().nullable(),
  fps: z.number().nullable(),
  durationSeconds: z.number().nullable(),
  seed: z.number().nullable(),
  negativePrompt: z.string().nullable(),
  audio: z.boolean().nullable(),
  providerOptions: z.unknown(),
  frameFormat: z.string(),
  // Present only for `extend` sequences, so manifests written before the mode existed still match.
  chain: z.enum(['extend']).optional(),
});

const clip = z.looseObject({
  index: z.number().int().positive(),
  prompt: z.string(),
  status: z.enum(['pending', 'in-progress', 'done']),
  fingerprint: z.string().min(1),
  identity: z.looseObject({
    provider: z.string(),
    model: z.string(),
    prompt: z.string(),
    settings,
    images: z.array(z.string()),
    referenceImages: z.array(z.string()),
    firstFrame: z.string().nullable(),
  }),
  // Relative, inside the sequence folder: a manifest cannot point a resume at another file.
  path: z.string().regex(/^[^/\\]+\.mp4$/),
  jobId: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  fps: z.number().optional(),
  durationSeconds: z.number().optional(),
  firstFrame: frame.optional(),
  lastFrame: frame.optional(),
  updatedAt: z.string(),
});

/** The schema of `sequence.json`, version 1. */
export const manifestSchema = z.looseObject({
  version: z.literal(1),
  provider: z.string(),
  model: z.string(),
  settings,
  clips: z.array(clip),
  concat: z.object({ path: z.string(), fingerprint: z.string(), mode: z.string() }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
