import {
  defineParityApi,
  type GenerateVideoResult,
  type ImageInput,
  type ParityOptions,
  ValidationError,
} from '@video-gen/core';
import type { RunwayConfig } from './runway-config.js';
import { createRunway } from './runway-provider.js';

/**
 * Options of the Runway parity functions: core's generation settings, plus the provider config.
 *
 * @example
 * ```ts
 * const options: RunwayGenerateOptions = { config: { apiKey: 'key_...' }, durationSeconds: 10, outPath: 'out/a.mp4' };
 * ```
 */
export interface RunwayGenerateOptions extends ParityOptions<RunwayConfig> {}

/**
 * Options of {@link generateVideoWithRunwayVeo}: adds explicit first and last frames.
 *
 * @example
 * ```ts
 * const options: RunwayVeoGenerateOptions = { firstFrame: 'a.png', lastFrame: 'b.png', audio: true };
 * ```
 */
export interface RunwayVeoGenerateOptions extends RunwayGenerateOptions {
  /** The video's first frame; with it, every file path is a reference image. */
  readonly firstFrame?: ImageInput;
  /** The video's last frame (needs a first frame). */
  readonly lastFrame?: ImageInput;
}

/** The Python library took at most three reference images for Runway's Veo. */
const MAX_VEO_FILE_PATHS = 3;

function refuse(message: string, field: string): never {
  throw new ValidationError(message, { provider: 'runway', issues: [{ field, message }] });
}

const gen4 = defineParityApi<RunwayConfig, RunwayGenerateOptions>({
  createProvider: (config) => createRunway(config),
  defaults: { model: 'gen4_turbo' },
  request: (prompt, filePaths, settings) => {
    if (filePaths.length > 1) {
      refuse(`Runway Gen-4 takes one image (its first frame); got ${filePaths.length}.`, 'images');
    }
    return { ...settings, prompt, ...(filePaths[0] === undefined ? {} : { firstFrame: filePaths[0] }) };
  },
});

const veo = defineParityApi<RunwayConfig, RunwayVeoGenerateOptions>({
  createProvider: (config) => createRunway(config),
  defaults: { model: 'veo3.1' },
  request: (prompt, filePaths, { firstFrame, lastFrame, ...settings }) => {
    const references = firstFrame === undefined ? filePaths.length - 1 : filePaths.length;
    if (references > MAX_VEO_FILE_PATHS) {
      refuse(
        `Runway Veo takes at most ${MAX_VEO_FILE_PATHS} reference images; got ${references}.`,
        'referenceImages',
      );
    }
    return {
      ...settings,
      prompt,
      images: filePaths,
      ...(firstFrame === undefined ? {} : { firstFrame }),
      ...(lastFrame === undefined ? {} : { lastFrame }),
    };
  },
});

/**
 * Python parity for `generate_video_with_runway`: a Gen-4 video from one image (its first frame)
 * and a prompt, 5 or 10 seconds. The model defaults to `gen4_turbo`; everything else is core's
 * `generateVideo`, so validation, journaling, resume and downloads are the same.
 *
 * @example
 * ```ts
 * const result = await generateVideoWithRunway('The camera pushes in slowly', ['start.png'], {
 *   durationSeconds: 10, width: 1280, height: 720, outPath: 'out/push-in.mp4',
 * });
 * ```
 */
export function generateVideoWithRunway(
  prompt: string,
  filePaths: readonly ImageInput[] = [],
  options: RunwayGenerateOptions = {},
): Promise<GenerateVideoResult> {
  return gen4.generate(prompt, filePaths, options);
}

/**
 * Python parity for `generate_video_with_runway_veo`: Veo 3.1 on Runway (`veo3.1` unless
 * `options.model` says `veo3.1_fast`). Without `options.firstFrame` the first file path is the
 * first frame; the other paths (at most 3) are reference images, which the Veo models on Runway
 * refuse today with a ValidationError that says so. `lastFrame` needs a first frame.
 *
 * @example
 * ```ts
 * const result = await generateVideoWithRunwayVeo('A kite rises over the dunes', [], {
 *   firstFrame: 'start.png', lastFrame: 'end.png', durationSeconds: 8, audio: true,
 * });
 * ```
 */
export function generateVideoWithRunwayVeo(
  prompt: string,
  filePaths: readonly ImageInput[] = [],
  options: RunwayVeoGenerateOptions = {},
): Promise<GenerateVideoResult> {
  return veo.generate(prompt, filePaths, options);
}

/**
 * Python parity for `RunwayGen4Client`: holds a config and generates Gen-4 videos (see
 * {@link generateVideoWithRunway}), returning the output path.
 *
 * @example
 * ```ts
 * const client = new RunwayGen4Client({ apiKey: process.env.RUNWAYML_API_SECRET });
 * const path = await client.generate('Leaves swirl in the wind', ['leaves.jpg'], { durationSeconds: 5 });
 * ```
 */
export class RunwayGen4Client extends gen4.Client {}

/**
 * Python parity for `RunwayVeoClient`: holds a config and generates Veo 3.1 videos on Runway
 * (see {@link generateVideoWithRunwayVeo}), returning the output path.
 *
 * @example
 * ```ts
 * const client = new RunwayVeoClient({ apiKey: process.env.RUNWAYML_API_SECRET });
 * const path = await client.generate('Waves at dusk', ['first.png'], { lastFrame: 'last.png' });
 * ```
 */
export class RunwayVeoClient extends veo.Client {}
