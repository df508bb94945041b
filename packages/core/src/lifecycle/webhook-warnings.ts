import type { GenerationWarning } from '../contract/request.js';
import type { VideoProvider } from '../contract/video-provider.js';
import type { GenerateVideoOptions } from './generate-video-options.js';

/** A webhook given to a provider that cannot use it is ignored, and said so. */
export function webhookWarnings(options: GenerateVideoOptions, provider: VideoProvider): GenerationWarning[] {
  if (options.webhook === undefined || provider.webhooks === true) return [];
  return [
    {
      type: 'unsupported',
      feature: 'webhook',
      message: `${provider.id} takes no webhook; the job is polled as usual.`,
    },
  ];
}
