/** A Runway create endpoint that makes a video. */
export type RunwayVideoEndpoint = 'image_to_video' | 'text_to_video' | 'video_to_video';

/**
 * How video-gen serves a catalogue entry: `served` when `runwayModels` has it (the provider
 * takes it); `pending` when the SDK lists it but its table entry is not written yet (issue 17
 * item 2); `video-input` when it is only reachable with an input video (issue 17 item 3).
 */
export type RunwayCatalogueState = 'served' | 'pending' | 'video-input';

/** One video model of Runway's API, as the installed SDK lists it. */
export interface RunwayCatalogueEntry {
  /** The `model` value of the create calls. */
  readonly id: string;
  /** The endpoints whose create params list it. */
  readonly endpoints: readonly RunwayVideoEndpoint[];
  /** Whether video-gen can send it today. */
  readonly state: RunwayCatalogueState;
}

const I2V_T2V = ['image_to_video', 'text_to_video'] as const;
const ALL = ['image_to_video', 'text_to_video', 'video_to_video'] as const;

/**
 * Every video model of `@runwayml/sdk` 4.20 (`ImageToVideoCreateParams`,
 * `TextToVideoCreateParams`, `VideoToVideoCreateParams` in resources/*.d.ts), with the endpoints
 * that take it and whether video-gen serves it. The single source for the model ids: the served
 * ones are exactly `runwayModels`, and a drift test fails when the installed SDK's unions and
 * this table differ.
 *
 * @example
 * ```ts
 * runwayCatalogue.filter((entry) => entry.state === 'served').map((entry) => entry.id);
 * // ['gen4_turbo', 'gen4.5', 'veo3.1', 'veo3.1_fast', 'gemini_omni_flash', 'gemini_omni_flash_1.1']
 * ```
 */
export const runwayCatalogue: readonly RunwayCatalogueEntry[] = [
  { id: 'gen4_turbo', endpoints: ['image_to_video'], state: 'served' },
  { id: 'gen4.5', endpoints: I2V_T2V, state: 'served' },
  { id: 'veo3.1', endpoints: I2V_T2V, state: 'served' },
  { id: 'veo3.1_fast', endpoints: I2V_T2V, state: 'served' },
  { id: 'hailuo3', endpoints: ALL, state: 'pending' },
  { id: 'h3_max', endpoints: I2V_T2V, state: 'pending' },
  { id: 'happyhorse_1_0', endpoints: I2V_T2V, state: 'pending' },
  { id: 'seedance2', endpoints: ALL, state: 'pending' },
  { id: 'seedance2_fast', endpoints: ALL, state: 'pending' },
  { id: 'seedance2_mini', endpoints: ALL, state: 'pending' },
  { id: 'seedance2_5', endpoints: ALL, state: 'pending' },
  { id: 'wan3', endpoints: I2V_T2V, state: 'pending' },
  { id: 'wan3_prime', endpoints: I2V_T2V, state: 'pending' },
  { id: 'grok_imagine_1_5', endpoints: I2V_T2V, state: 'pending' },
  { id: 'gemini_omni_flash', endpoints: ALL, state: 'served' },
  { id: 'gemini_omni_flash_1.1', endpoints: ALL, state: 'served' },
  { id: 'aleph2', endpoints: ['video_to_video'], state: 'video-input' },
];
