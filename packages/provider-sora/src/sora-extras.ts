import type { JobRef } from '@video-gen/core';
import { resolveSoraConfig, soraSession } from './sora-client.js';
import type { SoraConfig } from './sora-config.js';
import { SORA_PROVIDER_ID } from './sora-provider.js';
import { contentVariantWithSession, remixWithSession } from './videos-api-provider.js';

const SPEC = { id: SORA_PROVIDER_ID, label: 'OpenAI Sora' } as const;

/**
 * Options of {@link remixSoraVideo}.
 *
 * @example
 * ```ts
 * const options: RemixSoraOptions = { model: 'sora-2-pro', signal: AbortSignal.timeout(30_000) };
 * ```
 */
export interface RemixSoraOptions {
  /** The model recorded in the returned JobRef (the remix runs on the source video's model). Default `sora-2`. */
  readonly model?: string;
  /** Cancels the request. */
  readonly signal?: AbortSignal;
}

/**
 * Remixes a finished Sora video with a new prompt (`POST /videos/{id}/remix`): a new paid job on
 * the same model and size. Returns its JobRef; follow it with the provider's `status` and
 * `download`.
 *
 * @example
 * ```ts
 * import { createSora, remixSoraVideo } from '@video-gen/provider-sora';
 * const job = await remixSoraVideo(result.jobId, 'the same scene at night', { apiKey });
 * const status = await createSora({ apiKey }).status(job, ctx);
 * ```
 */
export function remixSoraVideo(
  videoId: string,
  prompt: string,
  config: SoraConfig = {},
  options: RemixSoraOptions = {},
): Promise<JobRef> {
  const session = soraSession(resolveSoraConfig(config));
  return remixWithSession(session, SPEC, options.model ?? 'sora-2', videoId, prompt, options.signal);
}

/**
 * Downloads a finished Sora video's thumbnail (`GET /videos/{id}/content?variant=thumbnail`, WebP).
 *
 * @example
 * ```ts
 * const { bytes, contentType } = await downloadSoraThumbnail(result.jobId, { apiKey });
 * await writeFile('thumb.webp', bytes);
 * ```
 */
export function downloadSoraThumbnail(
  videoId: string,
  config: SoraConfig = {},
  options: { readonly signal?: AbortSignal } = {},
): Promise<{ bytes: Uint8Array; contentType: string }> {
  const session = soraSession(resolveSoraConfig(config));
  return contentVariantWithSession(session, SPEC, videoId, 'thumbnail', options.signal);
}
