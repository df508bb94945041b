import type { GenerationSettings } from '@video-gen/core';
import { UsageError } from '../usage-error.js';
import type { GenerateFlags } from './generate-flags.js';

/** The model settings of a request, from the flags: model (and the retired-model opt-in), size, fps, duration, seed, negative prompt, audio. */
export type ModelSettings = Pick<
  GenerationSettings,
  | 'model'
  | 'allowRetiredModels'
  | 'width'
  | 'height'
  | 'fps'
  | 'durationSeconds'
  | 'seed'
  | 'negativePrompt'
  | 'audio'
>;

/**
 * Turns the flags into request settings; flags left out stay `undefined`, so the model's defaults
 * apply. Conflicting size flags are a usage error here, before anything is loaded.
 *
 * @example
 * ```ts
 * settingsFromFlags({ size: { width: 640, height: 360 }, fps: 24 });
 * ```
 */
export function settingsFromFlags(flags: GenerateFlags): ModelSettings {
  if (flags.size && (flags.width !== undefined || flags.height !== undefined)) {
    throw new UsageError('Give either --size WIDTHxHEIGHT or --width and --height, not both.');
  }
  if ((flags.width === undefined) !== (flags.height === undefined)) {
    throw new UsageError(
      'Give both --width and --height (or --size WIDTHxHEIGHT), or neither for the model default.',
    );
  }
  const width = flags.size?.width ?? flags.width;
  const height = flags.size?.height ?? flags.height;
  const settings: { -readonly [K in keyof ModelSettings]: ModelSettings[K] } = {};
  if (flags.model !== undefined) settings.model = flags.model;
  if (flags.allowRetired === true) settings.allowRetiredModels = true;
  if (width !== undefined && height !== undefined) {
    settings.width = width;
    settings.height = height;
  }
  if (flags.fps !== undefined) settings.fps = flags.fps;
  if (flags.duration !== undefined) settings.durationSeconds = flags.duration;
  if (flags.seed !== undefined) settings.seed = flags.seed;
  if (flags.negativePrompt !== undefined) settings.negativePrompt = flags.negativePrompt;
  if (flags.audio !== undefined) settings.audio = flags.audio;
  return settings;
}
