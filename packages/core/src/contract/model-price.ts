/** The unit a vendor bills in: US dollars, or Runway credits. */
export type PriceUnit = 'USD' | 'credits';

/**
 * A per-second rate that applies from a resolution up: the video's shorter side is at least
 * `minShortSide` pixels (720 for 720p, 1024 for Sora's 1792x1024, 2160 for 4K).
 */
export interface PriceTier {
  /** The shortest side, in pixels, from which this rate applies. */
  readonly minShortSide: number;
  /** A name for the tier, such as `1080p` or `4k`. */
  readonly label: string;
  /** Per second of video, without audio (or regardless of audio when `withAudio` is absent). */
  readonly perSecond: number;
  /** Per second of video with an audio track, when the vendor prices audio apart. */
  readonly perSecondWithAudio?: number;
}

/** Where a price comes from, so it can be checked again: the vendor's page (a URL or a note) and the day it was read. */
export interface PriceSource {
  /** A URL, or a note saying where the figure comes from. */
  readonly source: string;
  /** The day (`YYYY-MM-DD`) the source was read. Prices change: the older this is, the rougher the estimate. */
  readonly asOf: string;
  /** Anything else worth knowing (what is not included, a range the vendor gives). */
  readonly note?: string;
}

/**
 * What a model costs, in the vendor's own unit, as data: per second of video (with tiers by
 * resolution and a with-audio rate where the vendor prices them apart), per call, or unknown.
 * `estimateCost()` turns it into an estimate for one request.
 */
export type ModelPrice =
  | (PriceSource & {
      readonly kind: 'per-second';
      readonly unit: PriceUnit;
      /** Per second of video without audio, at the lowest resolution. */
      readonly perSecond: number;
      /** Per second with an audio track, when the vendor prices audio apart. */
      readonly perSecondWithAudio?: number;
      /** Higher rates from a resolution up; the highest tier the video reaches applies. */
      readonly tiers?: readonly PriceTier[];
    })
  | (PriceSource & {
      readonly kind: 'per-call';
      readonly unit: PriceUnit;
      /** The price of one generation, whatever its length. */
      readonly perCall: number;
    })
  | (PriceSource & {
      /** No price could be found: estimates are missing (with a `price_unknown` warning) and `maxCost` refuses the model. */
      readonly kind: 'unknown';
      /** The unit the vendor bills this model in, when known. */
      readonly unit?: PriceUnit;
    });
