import type { VideoProvider } from '../contract/video-provider.js';
import type { ImageInput } from '../media/load-image.js';
import { generateVideo } from './generate-video.js';
import type {
  GenerateVideoOptions,
  GenerateVideoResult,
  GenerationSettings,
} from './generate-video-options.js';

/**
 * The options a Python-parity wrapper takes: core's generation settings (without the provider,
 * which the wrapper makes), where to write the MP4, and the provider's config.
 *
 * @example
 * ```ts
 * const options: ParityOptions<{ apiKey?: string }> = { config: { apiKey: 'key' }, durationSeconds: 8, outPath: 'out/a.mp4' };
 * ```
 */
export interface ParityOptions<Config> extends Omit<GenerationSettings, 'provider' | 'providerConfig'> {
  /** Where to write the MP4. Default: a unique name in the working directory. */
  readonly outPath?: string;
  /** The provider's settings; the environment fills what is missing. */
  readonly config?: Config;
}

/** What a parity wrapper's call maps onto: `generateVideo`'s options without the provider. */
export type ParityRequest = Omit<GenerateVideoOptions, 'provider'>;

/**
 * How {@link defineParityApi} builds one vendor's wrappers: its provider factory, its defaults,
 * and where the Python call differs from `generateVideo`.
 */
export interface ParityDefinition<
  Config,
  Options extends ParityOptions<Config>,
  Result,
  Provider extends VideoProvider,
> {
  /** Makes the provider from the config (undefined: the environment). */
  readonly createProvider: (config: Config | undefined) => Provider;
  /** Settings used when the call names none, such as `{ model: 'gen4_turbo' }`. */
  readonly defaults?: Partial<GenerationSettings>;
  /**
   * Maps the Python call onto `generateVideo`; throw a ValidationError to refuse it before any
   * call. Default: the options as they are, `filePaths` as `images`.
   */
  readonly request?: (
    prompt: string,
    filePaths: readonly ImageInput[],
    options: Omit<Options, 'config'>,
  ) => ParityRequest;
  /** Turns core's result into what the Python function returned (a path, more files). Default: the result. */
  readonly finish?: (
    result: GenerateVideoResult,
    provider: Provider,
    options: Omit<Options, 'config'>,
  ) => Result | Promise<Result>;
}

/** An `*APIClient`: holds a config and its provider, and returns the output path of each video. */
export interface ParityClient<Config, Options extends ParityOptions<Config>, Provider extends VideoProvider> {
  /** The settings every call uses. */
  readonly config: Config;
  /** The provider every call uses, made once from `config`. */
  readonly provider: Provider;
  /** Generates a video and returns its absolute path. */
  generate(
    prompt: string,
    filePaths?: readonly ImageInput[],
    options?: Omit<Options, 'config'>,
  ): Promise<string>;
}

/** The class of a {@link ParityClient}: `new Client(config?)`. */
export type ParityClientClass<
  Config,
  Options extends ParityOptions<Config>,
  Provider extends VideoProvider,
> = new (config?: Config) => ParityClient<Config, Options, Provider>;

/** The two wrappers {@link defineParityApi} returns. */
export interface ParityApi<
  Config,
  Options extends ParityOptions<Config>,
  Result,
  Provider extends VideoProvider,
> {
  /** The `generate_video_with_*` function: a provider from `options.config`, then one generation. */
  generate(prompt: string, filePaths?: readonly ImageInput[], options?: Options): Promise<Result>;
  /** The `*APIClient` class, to extend under the Python name. */
  readonly Client: ParityClientClass<Config, Options, Provider>;
}

/**
 * Produces a vendor package's Python-parity wrappers from its provider and defaults: the
 * `generate_video_with_*(prompt, file_paths, ...)` function and the `*APIClient` class whose
 * `generate()` returns the output path. Everything else is `generateVideo`, so validation,
 * journaling, resume and downloads are the same as everywhere.
 *
 * @example
 * ```ts
 * const sora = defineParityApi({ createProvider: createSora, finish: (result) => result.path });
 * export const generateVideoWithSora2 = sora.generate;
 * export class SoraAPIClient extends sora.Client {}
 * ```
 */
export function defineParityApi<
  Config,
  Options extends ParityOptions<Config> = ParityOptions<Config>,
  Result = GenerateVideoResult,
  Provider extends VideoProvider = VideoProvider,
>(
  definition: ParityDefinition<Config, Options, Result, Provider>,
): ParityApi<Config, Options, Result, Provider> {
  const run = async (
    provider: Provider,
    prompt: string,
    filePaths: readonly ImageInput[],
    options: Omit<Options, 'config'>,
  ): Promise<{ result: GenerateVideoResult; value: Result }> => {
    const request = definition.request
      ? definition.request(prompt, filePaths, options)
      : { ...options, prompt, images: filePaths };
    const settings: Record<string, unknown> = { ...request };
    for (const [key, value] of Object.entries(definition.defaults ?? {})) settings[key] ??= value;
    const result = await generateVideo({ ...(settings as ParityRequest), provider });
    const value = definition.finish
      ? await definition.finish(result, provider, options)
      : (result as unknown as Result);
    return { result, value };
  };
  class Client implements ParityClient<Config, Options, Provider> {
    readonly config: Config;
    readonly provider: Provider;
    constructor(config?: Config) {
      this.config = config ?? ({} as Config);
      this.provider = definition.createProvider(config);
    }
    async generate(
      prompt: string,
      filePaths: readonly ImageInput[] = [],
      options: Omit<Options, 'config'> = {} as Omit<Options, 'config'>,
    ): Promise<string> {
      return (await run(this.provider, prompt, filePaths, options)).result.path;
    }
  }
  return {
    async generate(prompt, filePaths = [], options = {} as Options) {
      const { config, ...rest } = options;
      return (await run(definition.createProvider(config), prompt, filePaths, rest)).value;
    },
    Client,
  };
}
