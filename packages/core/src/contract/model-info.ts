import type { ModelPrice } from './model-price.js';
import type { ModelVideoInput } from './video-input.js';

/** A video size in pixels. */
export interface VideoSize {
  readonly width: number;
  readonly height: number;
  /** The vendor's name for it, when it has one (`16:9`, `1280:720`, `720p`). Informational. */
  readonly label?: string;
  /** Durations allowed at this size, when narrower than the model's. */
  readonly durations?: readonly number[];
}

/** Any size inside bounds, for models that render arbitrary sizes (the local provider). */
export interface VideoSizeRange {
  readonly minWidth: number;
  readonly maxWidth: number;
  readonly minHeight: number;
  readonly maxHeight: number;
  /** Width and height must be multiples of this (2 for H.264 with 4:2:0 chroma). */
  readonly multipleOf: number;
}

/** A range of allowed numbers, inclusive. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  /** Allowed values are `min + k * step`; any number when absent. */
  readonly step?: number;
}

/** What a model does with images. */
export interface ModelImageInputs {
  /** The model takes an image as the video's first frame. Stitching needs this. */
  readonly firstFrame: boolean;
  /** The model refuses to run without a first frame (image-to-video only). */
  readonly firstFrameRequired?: boolean;
  /** The model takes an image as the video's last frame. */
  readonly lastFrame: boolean;
  /** How many reference (style/subject) images the model takes; 0 when none. */
  readonly maxReferenceImages: number;
  /** Reference images cannot be combined with a first or last frame. */
  readonly referenceImagesExcludeFrames?: boolean;
  /** Image types the model accepts. */
  readonly mediaTypes: readonly ImageMediaType[];
  /** The largest image, in bytes, the model accepts inline. */
  readonly maxImageBytes?: number;
  /** How the untyped `images` option maps onto roles: the first image as first frame and the rest as references, or all as references. */
  readonly imagesAs: 'first-frame-then-references' | 'references';
}

/**
 * A model's place in its life at the vendor: generally available, in preview, deprecated (still
 * served, with a retirement announced) or retired (the vendor no longer serves it).
 */
export type ModelStatus = 'ga' | 'preview' | 'deprecated' | 'retired';

/** Image types video-gen recognises by their magic bytes. */
export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/webp';

/**
 * What a model accepts. Core validates every request against it before any paid call, and lists
 * what is allowed when a request does not fit.
 */
export interface ModelInfo {
  /** The id sent to the vendor. */
  readonly id: string;
  /** A human name. */
  readonly name: string;
  /** Other ids that select this model. */
  readonly aliases?: readonly string[];
  /** Set when the vendor has announced the model's retirement: the text says what to use instead. */
  readonly deprecated?: string;
  /** Where the model is in its life at the vendor; `ga` when absent. See {@link modelStatus} for the status on a given day. */
  readonly status?: ModelStatus;
  /** The day (`YYYY-MM-DD`, UTC) the vendor deprecated the model. */
  readonly deprecatedOn?: string;
  /** The day (`YYYY-MM-DD`, UTC) the vendor retires (or retired) the model; from that day on it counts as retired. */
  readonly retiresOn?: string;
  /** The model id to use instead, when the vendor names one. */
  readonly replacement?: string;
  /** Where the lifecycle facts come from (SDK types, vendor docs, a report), so they can be checked again. */
  readonly source?: string;
  /** Allowed durations in seconds: a list, or a range. */
  readonly durations: readonly number[] | NumberRange;
  /** The duration used when the request names none. */
  readonly defaultDurationSeconds: number;
  /** Allowed sizes: a list, or a range. */
  readonly sizes: readonly VideoSize[] | VideoSizeRange;
  /** The size used when the request names none. */
  readonly defaultSize: VideoSize;
  /** Allowed frame rates; a list, or a range. A single-entry list means the fps is fixed. */
  readonly fps: readonly number[] | NumberRange;
  /** The frame rate used when the request names none. */
  readonly defaultFps: number;
  /** Image inputs. */
  readonly images: ModelImageInputs;
  /** Audio: never, on request, or always generated. */
  readonly audio: 'none' | 'optional' | 'always';
  /** Whether a seed is honoured. */
  readonly seed: boolean;
  /** Whether a negative prompt is honoured. */
  readonly negativePrompt: boolean;
  /** The longest prompt, in characters. */
  readonly maxPromptLength: number;
  /**
   * How long a job of this model usually takes at the vendor, submit to finished, in milliseconds
   * (at its default duration and size). Core's poll schedule aims its polls around it for vendors
   * that report no progress, until the ledger has observed durations of its own. Absent when
   * unknown.
   */
  readonly typicalDurationMs?: number;
  /** Whether and how the model takes an input video (`generateVideo({ video })`); absent when it takes none. */
  readonly videoInput?: ModelVideoInput;
  /** What a generation costs, in the vendor's unit, with its source and date; see `estimateCost()`. Absent when nobody has recorded it. */
  readonly price?: ModelPrice;
}

/** Whether a size spec is a range rather than a list. */
export function isSizeRange(sizes: ModelInfo['sizes']): sizes is VideoSizeRange {
  return !Array.isArray(sizes);
}

/** Whether a number spec is a range rather than a list. */
export function isNumberRange(values: readonly number[] | NumberRange): values is NumberRange {
  return !Array.isArray(values);
}
