import { type ImageInput, ValidationError } from '@video-gen/core';

type ImageLists = readonly ImageInput[] | readonly (readonly ImageInput[])[];

function isPerClip(images: ImageLists): images is readonly (readonly ImageInput[])[] {
  return images.length > 0 && images.every((entry) => Array.isArray(entry));
}

/**
 * Gives each clip its images, like the Python library's `file_paths_list`: one flat list is used by
 * every clip, a list of lists gives each clip its own (and must have one entry per clip).
 *
 * @throws {ValidationError} `images_per_clip_length` for a per-clip list of the wrong length, or a
 * list that mixes images and lists.
 */
export function distributeImages(images: ImageLists | undefined, clipCount: number): ImageInput[][] {
  if (images === undefined || images.length === 0) return Array.from({ length: clipCount }, () => []);
  if (isPerClip(images)) {
    if (images.length !== clipCount) {
      throw new ValidationError(
        `images has ${images.length} per-clip lists for ${clipCount} clips: give one list per clip (an empty list for none), or one flat list shared by every clip.`,
        {
          code: 'images_per_clip_length',
          issues: [{ field: 'images', message: `${images.length} lists for ${clipCount} clips` }],
        },
      );
    }
    return images.map((list) => [...list]);
  }
  if (images.some((entry) => Array.isArray(entry))) {
    throw new ValidationError('images mixes images and lists: give one flat list, or one list per clip.', {
      code: 'images_mixed',
      issues: [{ field: 'images', message: 'mixed images and lists' }],
    });
  }
  const shared = images as readonly ImageInput[];
  return Array.from({ length: clipCount }, () => [...shared]);
}
