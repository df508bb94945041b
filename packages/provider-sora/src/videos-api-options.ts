import { ValidationError } from '@video-gen/core';
import { z } from 'zod';

/**
 * Per-call options of the Sora providers (`providerOptions.sora2` / `providerOptions['azure-sora']`).
 *
 * @example
 * ```ts
 * const options: SoraProviderOptions = { fitInputReference: 'cover' };
 * await generateVideo({ provider: 'sora2', prompt, firstFrame: 'photo.jpg', providerOptions: { sora2: options } });
 * ```
 */
export interface SoraProviderOptions {
  /**
   * The API refuses a first frame whose size differs from the video's. Unset (the default), such an
   * image is a ValidationError before any paid call; `'cover'` scales it to fill the frame and crops
   * the overflow, `'contain'` scales it to fit and pads with black. Either way a PNG of exactly the
   * video size is sent, and the result carries an `approximated` warning.
   */
  readonly fitInputReference?: 'cover' | 'contain' | undefined;
}

const schema = z.strictObject({
  fitInputReference: z.enum(['cover', 'contain']).optional(),
});

/**
 * Validates a provider's entry of `providerOptions` strictly: an unknown key or value is a
 * ValidationError that names it, so a typo never passes silently.
 *
 * @example
 * ```ts
 * parseSoraProviderOptions({ fitInputReference: 'cover' }, 'sora2'); // { fitInputReference: 'cover' }
 * ```
 */
export function parseSoraProviderOptions(options: unknown, provider: string): SoraProviderOptions {
  const parsed = schema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    field: `providerOptions.${provider}${issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}`,
    message: issue.message,
  }));
  throw new ValidationError(
    `Invalid providerOptions.${provider}: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}. ` +
      `It takes { fitInputReference?: 'cover' | 'contain' }.`,
    { provider, issues },
  );
}
