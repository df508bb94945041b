import { runwaySpecs } from './runway-models.js';
import { videoToVideoWire } from './runway-video-models.js';

/** A Runway create endpoint that makes a video. */
export type RunwayVideoEndpoint = 'image_to_video' | 'text_to_video' | 'video_to_video';

/**
 * How video-gen serves a catalogue entry: `served` when `runwayModels` has it (text or an image,
 * and a video too where the model takes one); `video-input` when it is only reachable with an
 * input video (`aleph2`).
 */
export type RunwayCatalogueState = 'served' | 'video-input';

/** One video model of Runway's API, as the installed SDK lists it. */
export interface RunwayCatalogueEntry {
  /** The `model` value of the create calls. */
  readonly id: string;
  /** The endpoints whose create params list it. */
  readonly endpoints: readonly RunwayVideoEndpoint[];
  /** How video-gen reaches it. */
  readonly state: RunwayCatalogueState;
}

function endpointsOf(id: string, textToVideo: boolean): RunwayVideoEndpoint[] {
  return [
    'image_to_video',
    ...(textToVideo ? (['text_to_video'] as const) : []),
    ...(videoToVideoWire(id) ? (['video_to_video'] as const) : []),
  ];
}

/**
 * Every video model of `@runwayml/sdk` 4.20.1 (`ImageToVideoCreateParams`,
 * `TextToVideoCreateParams`, `VideoToVideoCreateParams`), with the endpoints that take it,
 * derived from the one model table the adapter is driven by. A drift test fails when the
 * installed SDK's unions and this list differ, so a model the SDK adds or drops is noticed.
 *
 * @example
 * ```ts
 * runwayCatalogue.filter((entry) => entry.endpoints.includes('video_to_video')).map((entry) => entry.id);
 * // ['hailuo3', 'seedance2', 'seedance2_fast', 'seedance2_mini', 'seedance2_5', 'gemini_omni_flash', ...]
 * ```
 */
export const runwayCatalogue: readonly RunwayCatalogueEntry[] = [
  ...runwaySpecs.map(
    (spec): RunwayCatalogueEntry => ({
      id: spec.info.id,
      endpoints: endpointsOf(spec.info.id, !spec.info.images.firstFrameRequired),
      state: 'served',
    }),
  ),
  { id: 'aleph2', endpoints: ['video_to_video'], state: 'video-input' },
];
