import { ValidationError } from '@video-gen/core';
import { z } from 'zod';

const schema = z.strictObject({
  /** Whether people may appear: Vertex's `personGeneration`. */
  personGeneration: z.enum(['dont_allow', 'allow_adult', 'allow_all']).optional(),
  /** How many videos to make (1–4): Vertex's `sampleCount`. */
  sampleCount: z.number().int().min(1).max(4).optional(),
  /** Let Vertex rewrite the prompt with Gemini first. */
  enhancePrompt: z.boolean().optional(),
  /** A `gs://bucket/prefix/` to write the videos to instead of returning them inline (enterprise mode). */
  storageUri: z
    .string()
    .regex(/^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9](\/.*)?$/, 'expected gs://bucket/prefix/')
    .optional(),
  /** How a first frame of another aspect ratio is fitted: padded or cropped (Veo 3.x image-to-video). */
  resizeMode: z.enum(['pad', 'crop']).optional(),
  /** `optimized` (default) or `lossless` output. */
  compressionQuality: z.enum(['optimized', 'lossless']).optional(),
  /** How the reference images are used: `asset` (default; subjects, objects, scenes) or `style` (Veo 2, one image). */
  referenceType: z.enum(['asset', 'style']).optional(),
});

/**
 * Veo's own options, under `providerOptions.veo3`. Unknown keys are refused, so a typo is an
 * error rather than silently ignored.
 *
 * @example
 * ```ts
 * await generateVideo({
 *   provider: 'veo3',
 *   prompt: 'a crowded market at dawn',
 *   providerOptions: { veo3: { personGeneration: 'allow_adult', sampleCount: 2, enhancePrompt: false } },
 * });
 * ```
 */
export type Veo3ProviderOptions = z.infer<typeof schema>;

/**
 * Validates `providerOptions.veo3`; throws a ValidationError naming each bad field (internal).
 */
export function parseVeo3Options(options: unknown): Veo3ProviderOptions {
  const parsed = schema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    field: `providerOptions.veo3${issue.path.length > 0 ? `.${issue.path.map(String).join('.')}` : ''}`,
    message: issue.message,
  }));
  const lines = issues.map((issue) => `  - ${issue.field}: ${issue.message}`).join('\n');
  throw new ValidationError(`Invalid provider options for veo3:\n${lines}`, { provider: 'veo3', issues });
}
