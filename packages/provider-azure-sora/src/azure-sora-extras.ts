import type { JobRef } from '@video-gen/core';
import { contentVariantWithSession, remixWithSession } from '@video-gen/provider-sora/videos-api';
import type { AzureSoraConfig } from './azure-sora-config.js';
import { AZURE_SORA_LABEL, AZURE_SORA_PROVIDER_ID, connectAzureSora } from './azure-sora-provider.js';

function spec(settings: AzureSoraConfig) {
  const connection = connectAzureSora(settings);
  return {
    connection,
    spec: { id: AZURE_SORA_PROVIDER_ID, label: AZURE_SORA_LABEL, mapError: connection.mapError },
  };
}

/**
 * Remixes a finished Azure Sora video with a new prompt (`POST {endpoint}/openai/v1/videos/{id}/remix`):
 * a new paid job on the same deployment. Returns its JobRef; follow it with the provider's
 * `status` and `download`.
 *
 * @example
 * ```ts
 * import { remixAzureSoraVideo } from '@video-gen/provider-azure-sora';
 * const job = await remixAzureSoraVideo(result.jobId, 'the same scene at night', { deployment: 'sora-2' });
 * ```
 */
export function remixAzureSoraVideo(
  videoId: string,
  prompt: string,
  config: AzureSoraConfig = {},
  options: { readonly signal?: AbortSignal } = {},
): Promise<JobRef> {
  const { connection, spec: s } = spec(config);
  const model = connection.config.modelFamily ?? 'sora-2';
  return remixWithSession(connection.session, s, model, videoId, prompt, options.signal);
}

/**
 * Downloads a finished Azure Sora video's thumbnail (`GET .../videos/{id}/content?variant=thumbnail`).
 *
 * @example
 * ```ts
 * const { bytes, contentType } = await downloadAzureSoraThumbnail(result.jobId);
 * ```
 */
export function downloadAzureSoraThumbnail(
  videoId: string,
  config: AzureSoraConfig = {},
  options: { readonly signal?: AbortSignal } = {},
): Promise<{ bytes: Uint8Array; contentType: string }> {
  const { connection, spec: s } = spec(config);
  return contentVariantWithSession(connection.session, s, videoId, 'thumbnail', options.signal);
}
