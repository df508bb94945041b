import { Buffer } from 'node:buffer';
import type {
  SharedV4Warning,
  Experimental_VideoModelV4CallOptions as VideoModelV4CallOptions,
  Experimental_VideoModelV4File as VideoModelV4File,
} from '@ai-sdk/provider';
import {
  type GenerateVideoOptions,
  type ImageInput,
  isSizeRange,
  type ModelInfo,
  ValidationError,
  type VideoProvider,
} from '@video-gen/core';
import { aspectRatioOf } from '../from-ai-sdk/call-options.js';

function fileInput(file: VideoModelV4File): ImageInput {
  if (file.type === 'url') return file.url;
  return typeof file.data === 'string' ? new Uint8Array(Buffer.from(file.data, 'base64')) : file.data;
}

function sizeFor(
  model: ModelInfo,
  options: VideoModelV4CallOptions,
  provider: VideoProvider,
  warnings: SharedV4Warning[],
): { width?: number; height?: number } {
  if (options.resolution) {
    const [width, height] = options.resolution.split('x').map(Number);
    return { width, height };
  }
  if (!options.aspectRatio) return {};
  if (options.aspectRatio === 'adaptive') {
    warnings.push({
      type: 'unsupported',
      feature: 'aspectRatio',
      details: "'adaptive' is not supported; the model's default size is used.",
    });
    return {};
  }
  const wanted = options.aspectRatio;
  if (isSizeRange(model.sizes)) {
    const [w, h] = wanted.split(':').map(Number) as [number, number];
    const height = model.defaultSize.height;
    const width = Math.round((height * w) / h / model.sizes.multipleOf) * model.sizes.multipleOf;
    return { width, height };
  }
  const match = model.sizes.find((size) => aspectRatioOf(size.width, size.height, size.label) === wanted);
  if (!match) {
    const offered = [...new Set(model.sizes.map((s) => aspectRatioOf(s.width, s.height, s.label)))];
    throw new ValidationError(
      `${provider.id} / ${model.id} has no size with aspect ratio ${wanted}; it offers ${offered.join(', ')}.`,
      { provider: provider.id, issues: [{ field: 'aspectRatio', message: `offers ${offered.join(', ')}` }] },
    );
  }
  return { width: match.width, height: match.height };
}

/**
 * The AI SDK's call options as `generateVideo` options for a video-gen provider: `aspectRatio` and
 * `resolution` pick the size, `duration`, `fps`, `seed` and `generateAudio` map one to one,
 * `frameImages` (and the prompt image) become the first and last frame, image `inputReferences`
 * reference images and a video reference the input video; `providerOptions` under the provider's
 * id pass through. What has no counterpart is an `unsupported` warning.
 */
export function toGenerateOptions(
  provider: VideoProvider,
  model: ModelInfo,
  options: VideoModelV4CallOptions,
): { options: GenerateVideoOptions; warnings: SharedV4Warning[] } {
  const warnings: SharedV4Warning[] = [];
  if (options.n > 1) {
    warnings.push({
      type: 'unsupported',
      feature: 'n',
      details: 'video-gen providers make one video per call; 1 is made.',
    });
  }
  const first =
    options.frameImages?.find((frame) => frame.frameType === 'first_frame')?.image ?? options.image;
  const last = options.frameImages?.find((frame) => frame.frameType === 'last_frame')?.image;
  const references: ImageInput[] = [];
  let video: ImageInput | undefined;
  for (const reference of options.inputReferences ?? []) {
    const isVideo = (reference.mediaType ?? '').startsWith('video/');
    if (!isVideo) references.push(fileInput(reference));
    else if (model.videoInput && video === undefined) video = fileInput(reference);
    else
      warnings.push({
        type: 'unsupported',
        feature: 'inputReferences',
        details: `${model.id} takes no (further) input video; the video reference is ignored.`,
      });
  }
  const vendorOptions = options.providerOptions[provider.id];
  const generate: GenerateVideoOptions = {
    prompt: options.prompt ?? '',
    model: model.id,
    ...sizeFor(model, options, provider, warnings),
    ...(options.duration === undefined ? {} : { durationSeconds: options.duration }),
    ...(options.fps === undefined ? {} : { fps: options.fps }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.generateAudio === undefined ? {} : { audio: options.generateAudio }),
    ...(first ? { firstFrame: fileInput(first) } : {}),
    ...(last ? { lastFrame: fileInput(last) } : {}),
    ...(references.length > 0 ? { referenceImages: references } : {}),
    ...(video === undefined ? {} : { video }),
    ...(vendorOptions ? { providerOptions: { [provider.id]: vendorOptions } } : {}),
  };
  return { options: generate, warnings };
}
