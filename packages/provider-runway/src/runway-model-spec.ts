import type { ModelInfo, VideoSize } from '@video-gen/core';

/** Body fields that name one output size on the wire (`ratio`, `resolution`), per endpoint. */
export type SizeFields = Readonly<Record<string, string>>;

/**
 * One output size of a Runway model and how each endpoint names it (internal). `text` is sent
 * without a frame (`text_to_video`, and `video_to_video` for the models that take a ratio),
 * `image` with a first frame (`image_to_video`); a size that lacks one is not offered there.
 */
export interface RunwaySize {
  readonly width: number;
  readonly height: number;
  readonly label: string;
  readonly text?: SizeFields;
  readonly image?: SizeFields;
  /** The vendor refuses reference images at this size (grok_imagine_1_5 above 720p). */
  readonly noReferences?: boolean;
}

/** A Runway model as the adapter drives it: its `ModelInfo` and the wire facts it cannot hold (internal). */
export interface RunwayModelSpec {
  /** What core validates against; `sizes` is derived from {@link RunwayModelSpec.wireSizes}. */
  readonly info: ModelInfo;
  readonly wireSizes: readonly RunwaySize[];
  /** The params take `contentModeration` (the Gen-4 family). */
  readonly contentModeration: boolean;
  /** With a first frame the output's aspect ratio follows the image; the size only picks a tier. */
  readonly imageSetsAspect: boolean;
  /** Where the facts come from (the SDK types, vendor docs), repeated in `info.source`. */
  readonly source: string;
}

/** Pixel ratios (`1280:720`): the label, the pixels and the wire value are the same numbers. */
export function pixelRatios(
  labels: readonly string[],
  on: { text?: boolean; image?: boolean } = { text: true, image: true },
): RunwaySize[] {
  return labels.map((label) => {
    const [width, height] = label.split(':').map(Number) as [number, number];
    return {
      width,
      height,
      label,
      ...(on.text ? { text: { ratio: label } } : {}),
      ...(on.image ? { image: { ratio: label } } : {}),
    };
  });
}

/**
 * The nominal pixels of an aspect ratio (`16:9`) at a tier whose short side is `shortSide`,
 * rounded to even numbers. Runway names these sizes by label only; the pixels are what the
 * tier means, for choosing one with `width` and `height`.
 */
export function aspectPixels(aspect: string, shortSide: number): { width: number; height: number } {
  const [a, b] = aspect.split(':').map(Number) as [number, number];
  const long = Math.round((shortSide * Math.max(a, b)) / Math.min(a, b) / 2) * 2;
  return a >= b ? { width: long, height: shortSide } : { width: shortSide, height: long };
}

/** Builds the ModelInfo sizes (pixels and label only) from the wire sizes. */
export function infoSizes(sizes: readonly RunwaySize[]): VideoSize[] {
  return sizes.map(({ width, height, label }) => ({ width, height, label }));
}

/** The wire size of a request's width and height, when the model has it. */
export function wireSize(spec: RunwayModelSpec, width: number, height: number): RunwaySize | undefined {
  return spec.wireSizes.find((size) => size.width === width && size.height === height);
}
