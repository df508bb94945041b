import type { ModelInfo } from '../contract/model-info.js';
import type { VideoProvider } from '../contract/video-provider.js';
import type { ValidationIssue } from '../errors/validation-error.js';
import type { ImageInput } from '../media/load-image.js';

/** Images by role, before loading. */
export interface ImageRoles {
  readonly firstFrame: ImageInput | undefined;
  readonly lastFrame: ImageInput | undefined;
  readonly referenceImages: readonly ImageInput[];
  /** The option each image came from, for messages: `firstFrame` or `images[0]`. */
  readonly firstFrameField: string;
  /** Per reference image, in order: `referenceImages[0]`, ..., then `images[1]`, ... */
  readonly referenceImageFields: readonly string[];
}

function modelsWith(provider: VideoProvider, accepts: (model: ModelInfo) => boolean): string {
  const ids = provider.models.filter(accepts).map((model) => model.id);
  return ids.length > 0
    ? `models of ${provider.id} that do: ${ids.join(', ')}`
    : `no model of ${provider.id} does`;
}

/**
 * Gives each image its role: explicit `firstFrame` / `lastFrame` / `referenceImages`, plus the
 * untyped `images` list mapped the way the model says. Collects every role the model refuses.
 */
export function assignImageRoles(
  input: {
    images?: readonly ImageInput[] | undefined;
    firstFrame?: ImageInput | undefined;
    lastFrame?: ImageInput | undefined;
    referenceImages?: readonly ImageInput[] | undefined;
  },
  model: ModelInfo,
  provider: VideoProvider,
  issues: ValidationIssue[],
): ImageRoles {
  let firstFrame = input.firstFrame;
  let firstFrameField = 'firstFrame';
  const referenceImages = [...(input.referenceImages ?? [])];
  const referenceImageFields = referenceImages.map((_, index) => `referenceImages[${index}]`);
  const untyped = [...(input.images ?? [])];
  let untypedStart = 0;
  if (
    untyped.length > 0 &&
    model.images.imagesAs === 'first-frame-then-references' &&
    model.images.firstFrame &&
    firstFrame === undefined
  ) {
    firstFrame = untyped.shift();
    firstFrameField = 'images[0]';
    untypedStart = 1;
  }
  referenceImages.push(...untyped);
  referenceImageFields.push(...untyped.map((_, index) => `images[${untypedStart + index}]`));
  const lastFrame = input.lastFrame;
  const { images } = model;

  if (firstFrame !== undefined && !images.firstFrame) {
    issues.push({
      field: 'firstFrame',
      message: `${model.id} does not take a first frame (${modelsWith(provider, (m) => m.images.firstFrame)})`,
    });
  }
  if (firstFrame === undefined && images.firstFrameRequired) {
    issues.push({
      field: 'firstFrame',
      message: `${model.id} needs a first frame image (it is image-to-video only)`,
    });
  }
  if (lastFrame !== undefined && !images.lastFrame) {
    issues.push({
      field: 'lastFrame',
      message: `${model.id} does not take a last frame (${modelsWith(provider, (m) => m.images.lastFrame)})`,
    });
  }
  if (referenceImages.length > images.maxReferenceImages) {
    const what =
      images.maxReferenceImages === 0
        ? `${model.id} takes no reference images`
        : `${model.id} takes at most ${images.maxReferenceImages} reference image${images.maxReferenceImages === 1 ? '' : 's'}`;
    issues.push({
      field: 'referenceImages',
      message: `${referenceImages.length} reference images given; ${what}`,
    });
  }
  if (
    images.referenceImagesExcludeFrames &&
    referenceImages.length > 0 &&
    (firstFrame !== undefined || lastFrame !== undefined)
  ) {
    issues.push({
      field: 'referenceImages',
      message: `${model.id} cannot combine reference images with a first or last frame`,
    });
  }
  return { firstFrame, lastFrame, referenceImages, firstFrameField, referenceImageFields };
}
