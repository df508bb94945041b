import { ValidationError } from '@video-gen/core';
import { z } from 'zod';

const schema = z.strictObject({
  /** Content moderation settings (Gen-4 models). */
  contentModeration: z
    .strictObject({
      /** `low`: less strict about recognisable public figures. */
      publicFigureThreshold: z.enum(['auto', 'low']).optional(),
    })
    .optional(),
});

/**
 * Runway-specific options, given as `providerOptions.runway`. Unknown keys are refused.
 *
 * @example
 * ```ts
 * const options: RunwayProviderOptions = { contentModeration: { publicFigureThreshold: 'low' } };
 * await generateVideo({ provider: 'runway', prompt, images: ['face.png'], providerOptions: { runway: options } });
 * ```
 */
export type RunwayProviderOptions = z.infer<typeof schema>;

/** Validates `providerOptions.runway`; a ValidationError names each bad key. */
export function parseRunwayOptions(options: unknown): RunwayProviderOptions {
  const parsed = schema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    field: ['providerOptions', 'runway', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new ValidationError(
    `Invalid providerOptions.runway:\n${issues.map((i) => `  - ${i.field}: ${i.message}`).join('\n')}\nRunway takes: contentModeration.publicFigureThreshold ('auto' | 'low').`,
    { provider: 'runway', issues },
  );
}
