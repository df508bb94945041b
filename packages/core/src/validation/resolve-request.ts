import type { GenerationWarning, LoadedImage, ResolvedRequest } from '../contract/request.js';
import type { VideoProvider } from '../contract/video-provider.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import type { GenerateVideoOptions } from '../lifecycle/generate-video-options.js';
import { type ImageInput, loadImage } from '../media/load-image.js';
import { assignImageRoles } from './assign-image-roles.js';
import { checkLifecycle } from './check-lifecycle.js';
import { checkSettings } from './check-settings.js';
import { checkVideoPresence, loadRequestVideo } from './check-video-input.js';
import { resolveModel } from './resolve-model.js';

function throwIfIssues(issues: readonly ValidationIssue[], provider: VideoProvider, modelId: string): void {
  if (issues.length === 0) return;
  const lines = issues.map((issue) => `  - ${issue.field}: ${issue.message}`).join('\n');
  throw new ValidationError(`Invalid request for ${provider.id} / ${modelId}:\n${lines}`, {
    provider: provider.id,
    issues,
  });
}

/**
 * Checks a request against the provider's model and loads its images: everything that can be
 * known before the paid call. Throws one {@link ValidationError} listing every problem, or an
 * InputFileError for an image that cannot be used. Exported for bridges that submit to a provider
 * outside `generateVideo` (such as `toAiSdk` in `@video-gen/ai-sdk`).
 *
 * @example
 * ```ts
 * const { request, warnings } = await resolveRequest({ prompt: 'waves' }, provider, randomUUID());
 * const job = await provider.submit(request, ctx);
 * ```
 */
export async function resolveRequest(
  options: GenerateVideoOptions,
  provider: VideoProvider,
  idempotencyKey: string,
): Promise<{ request: ResolvedRequest; warnings: GenerationWarning[] }> {
  const model = resolveModel(provider, options.model);
  const issues: ValidationIssue[] = [];
  const warnings = checkLifecycle(provider, model, options.allowRetiredModels === true);
  const settings = checkSettings(options.prompt, options, model, issues, warnings);
  const roles = assignImageRoles(options, model, provider, issues);
  checkVideoPresence(options.video, options.videoUse, model, provider.models, issues);
  let providerOptions: Record<string, unknown> = {};
  const rawProviderOptions = options.providerOptions?.[provider.id];
  if (provider.parseProviderOptions) {
    providerOptions = provider.parseProviderOptions(rawProviderOptions ?? {});
  } else if (rawProviderOptions !== undefined) {
    providerOptions = { ...rawProviderOptions };
  }
  throwIfIssues(issues, provider, model.id);

  const allowLoopback = options.allowLoopbackDownloads === true;
  const load = async (input: ImageInput, field: string): Promise<LoadedImage> => {
    // Image URLs go through the download URL policy too: the vendor fetches them on our behalf.
    const image = await loadImage(input, { field, allowLoopback });
    if (image.kind === 'bytes') {
      if (!model.images.mediaTypes.includes(image.mediaType)) {
        issues.push({
          field,
          message: `${image.source} is ${image.mediaType}; ${model.id} takes ${model.images.mediaTypes.join(', ')}`,
        });
      }
      if (model.images.maxImageBytes !== undefined && image.bytes.byteLength > model.images.maxImageBytes) {
        issues.push({
          field,
          message: `${image.source} is ${image.bytes.byteLength} bytes; ${model.id} takes at most ${model.images.maxImageBytes}`,
        });
      }
    }
    return image;
  };
  const firstFrame =
    roles.firstFrame === undefined ? undefined : await load(roles.firstFrame, roles.firstFrameField);
  const lastFrame = roles.lastFrame === undefined ? undefined : await load(roles.lastFrame, 'lastFrame');
  const referenceImages: LoadedImage[] = [];
  for (const [index, input] of roles.referenceImages.entries()) {
    referenceImages.push(await load(input, roles.referenceImageFields[index] ?? 'referenceImages'));
  }
  const video =
    options.video === undefined || !model.videoInput
      ? undefined
      : await loadRequestVideo(
          options.video,
          options.videoUse,
          model,
          settings.durationSeconds,
          allowLoopback,
          issues,
        );
  throwIfIssues(issues, provider, model.id);

  const request: ResolvedRequest = {
    prompt: options.prompt,
    model,
    ...settings,
    seed: options.seed,
    negativePrompt: model.negativePrompt ? options.negativePrompt : undefined,
    audio: options.audio,
    firstFrame,
    lastFrame,
    referenceImages,
    ...(video ? { video } : {}),
    providerOptions,
    idempotencyKey,
    ...(options.allowRetiredModels === true ? { allowRetiredModels: true } : {}),
  };
  warnings.push(...(provider.check?.(request) ?? []));
  return { request, warnings };
}
