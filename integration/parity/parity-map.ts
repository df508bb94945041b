// Each Python name of the reference and its TypeScript counterpart: the data docs/python-parity.md
// is rendered from and the parity test imports and calls.

/** One row of the parity table. */
export interface ParityEntry {
  /** The TypeScript export. */
  readonly typescript: string;
  /** The package that exports it. */
  readonly packageName: string;
  /** `type` for a type-only export (checked by the compiler, not at run time). */
  readonly kind: 'function' | 'class' | 'config' | 'method' | 'type' | 'error';
  /** How the TypeScript call differs, briefly. */
  readonly note: string;
}

export const PARITY: Readonly<Record<string, ParityEntry>> = {
  generate_video: {
    typescript: 'generateVideo',
    packageName: '@video-gen/core',
    kind: 'function',
    note: 'one options object: `generateVideo({ prompt, images, provider, width, height, … })`; returns a result whose `path` is the file',
  },
  generate_video_with_sora2: {
    typescript: 'generateVideoWithSora2',
    packageName: '@video-gen/provider-sora',
    kind: 'function',
    note: '`(prompt, filePaths, options)`; returns the path',
  },
  generate_video_with_azure_sora: {
    typescript: 'generateVideoWithAzureSora',
    packageName: '@video-gen/provider-azure-sora',
    kind: 'function',
    note: '`(prompt, filePaths, options)`; returns the path',
  },
  generate_video_with_veo3: {
    typescript: 'generateVideoWithVeo3',
    packageName: '@video-gen/provider-veo3',
    kind: 'function',
    note: '`(prompt, filePaths, { sourceFrame, … })`; returns the result with `path` and `paths`',
  },
  generate_video_with_runway: {
    typescript: 'generateVideoWithRunway',
    packageName: '@video-gen/provider-runway',
    kind: 'function',
    note: '`(prompt, filePaths, options)`; default model `gen4_turbo`; returns the result',
  },
  generate_video_with_runway_veo: {
    typescript: 'generateVideoWithRunwayVeo',
    packageName: '@video-gen/provider-runway',
    kind: 'function',
    note: '`(prompt, referenceImages, { firstFrame, … })`; returns the result',
  },
  generate_video_sequence_with_veo3_stitching: {
    typescript: 'generateVideoSequenceWithVeo3Stitching',
    packageName: '@video-gen/stitching',
    kind: 'function',
    note: '`(prompts, filePathsList, { backend, model, delayBetweenClipsMs, outDir })`; returns the clips',
  },
  extract_last_frame_as_png: {
    typescript: 'extractLastFrameAsPng',
    packageName: '@video-gen/stitching',
    kind: 'function',
    note: '`(videoPath, { outputDir })`; seeks from the end',
  },
  SoraConfig: {
    typescript: 'SoraConfig',
    packageName: '@video-gen/provider-sora',
    kind: 'config',
    note: '`SoraConfig.fromEnvironment()`, `SoraConfig.parse(settings)`',
  },
  AzureSoraConfig: {
    typescript: 'AzureSoraConfig',
    packageName: '@video-gen/provider-azure-sora',
    kind: 'config',
    note: '`AzureSoraConfig.fromEnvironment()`',
  },
  Veo3Config: {
    typescript: 'Veo3Config',
    packageName: '@video-gen/provider-veo3',
    kind: 'config',
    note: '`Veo3Config.fromEnvironment()`',
  },
  RunwayConfig: {
    typescript: 'RunwayConfig',
    packageName: '@video-gen/provider-runway',
    kind: 'config',
    note: '`RunwayConfig.fromEnvironment()`',
  },
  from_environment: {
    typescript: 'fromEnvironment',
    packageName: '@video-gen/core',
    kind: 'method',
    note: 'on every config definition (`defineProviderConfig`) and on what `createConfigForBackend` returns; `{ overrides, env, envFile }`',
  },
  VideoBackend: {
    typescript: 'VideoBackend',
    packageName: '@video-gen/core',
    kind: 'type',
    note: 'a literal union with `local` added; the ids at run time are `VIDEO_BACKENDS`',
  },
  create_config_for_backend: {
    typescript: 'createConfigForBackend',
    packageName: '@video-gen/core',
    kind: 'function',
    note: 'async (it may import the provider package): `(await createConfigForBackend(id)).fromEnvironment()`; plugin ids work too',
  },
  SoraAPIClient: {
    typescript: 'SoraAPIClient',
    packageName: '@video-gen/provider-sora',
    kind: 'class',
    note: '`new SoraAPIClient(config).generate(prompt, filePaths, options)`',
  },
  AzureSoraAPIClient: {
    typescript: 'AzureSoraAPIClient',
    packageName: '@video-gen/provider-azure-sora',
    kind: 'class',
    note: '`new AzureSoraAPIClient(config).generate(…)`',
  },
  Veo3APIClient: {
    typescript: 'Veo3APIClient',
    packageName: '@video-gen/provider-veo3',
    kind: 'class',
    note: '`new Veo3APIClient(config).generate(…)`',
  },
  RunwayGen4Client: {
    typescript: 'RunwayGen4Client',
    packageName: '@video-gen/provider-runway',
    kind: 'class',
    note: '`new RunwayGen4Client(config).generate(…)`',
  },
  RunwayVeoClient: {
    typescript: 'RunwayVeoClient',
    packageName: '@video-gen/provider-runway',
    kind: 'class',
    note: '`new RunwayVeoClient(config).generate(…)`',
  },
  ConfigurationError: {
    typescript: 'ConfigurationError',
    packageName: '@video-gen/core',
    kind: 'error',
    note: 'code `configuration`; check with `ConfigurationError.isInstance(e)`',
  },
  ApiRequestError: {
    typescript: 'ApiRequestError',
    packageName: '@video-gen/core',
    kind: 'error',
    note: 'carries `status` and the request id; subclasses for 401, 429, credits, content policy',
  },
  RetryExhaustedError: {
    typescript: 'RetryExhaustedError',
    packageName: '@video-gen/core',
    kind: 'error',
    note: 'the last failure is its `cause`',
  },
  get_library_logger: {
    typescript: 'getLibraryLogger',
    packageName: '@video-gen/core',
    kind: 'function',
    note: 'a pluggable sink; `VIDEO_GEN_LOG_FILE` / `VIDEO_GEN_LOG_LEVEL`',
  },
};
