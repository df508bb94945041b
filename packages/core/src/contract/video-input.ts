/** What a model does with an input video: restyle or edit it, continue it, or use it as a reference. */
export type VideoInputUse = 'edit' | 'extend' | 'reference';

/** Video containers video-gen recognises by their header (the ISO base media `ftyp` box). */
export type VideoMediaType = 'video/mp4' | 'video/quicktime';

/** URL schemes a model takes for an input video: `https` (the vendor fetches it) or `gs` (a Cloud Storage object). */
export type VideoUrlScheme = 'https' | 'gs';

/**
 * Whether and how a model takes an input video (`generateVideo({ video })`), with the limits core
 * checks before any paid call.
 *
 * @example
 * ```ts
 * const extend: ModelVideoInput = {
 *   uses: ['extend'], mediaTypes: ['video/mp4'], urlSchemes: ['gs'],
 *   maxDurationSeconds: 30, source: 'Vertex AI docs, Extend Veo videos',
 * };
 * ```
 */
export interface ModelVideoInput {
  /** What the model does with the video; the first entry is what `video` means for this model. */
  readonly uses: readonly VideoInputUse[];
  /** The model runs only with an input video (Runway `video_to_video` models such as aleph2). */
  readonly required?: boolean;
  /** Containers the model takes. */
  readonly mediaTypes: readonly VideoMediaType[];
  /** URL schemes the model takes instead of bytes; empty when it takes bytes only. */
  readonly urlSchemes: readonly VideoUrlScheme[];
  /** The shortest input, in seconds. */
  readonly minDurationSeconds?: number;
  /** The longest input, in seconds. */
  readonly maxDurationSeconds?: number;
  /** The largest input, in bytes. */
  readonly maxBytes?: number;
  /** For `extend`: the longest video the model can reach, input plus continuation, in seconds. */
  readonly maxTotalSeconds?: number;
  /**
   * For `extend`: whether the vendor returns the input and its continuation as one video
   * (`whole`, Veo) or the new footage only (`continuation`). Stitching joins clips accordingly.
   * Default `continuation`.
   */
  readonly extendOutput?: 'whole' | 'continuation';
  /** Where these facts come from (SDK types, vendor docs), so they can be checked again. */
  readonly source: string;
}
