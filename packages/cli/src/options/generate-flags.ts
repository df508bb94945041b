/** The flags of the default command (generate, dry run and stitch), as commander parses them. */
export interface GenerateFlags {
  readonly images?: string[];
  /** `--video <path|url>`: an input video. */
  readonly video?: string;
  /** `--video-use`: what the model does with it. */
  readonly videoUse?: 'edit' | 'extend' | 'reference';
  readonly backend?: string;
  readonly provider?: string;
  readonly model?: string;
  /** `--allow-retired`: send a request to a retired model. */
  readonly allowRetired?: boolean;
  readonly width?: number;
  readonly height?: number;
  readonly size?: { width: number; height: number };
  readonly fps?: number;
  readonly duration?: number;
  readonly seed?: number;
  readonly negativePrompt?: string;
  readonly audio?: boolean;
  readonly output?: string;
  readonly force?: boolean;
  readonly dryRun?: boolean;
  readonly json?: boolean;
  readonly events?: boolean;
  readonly timeout?: number;
  readonly plugin?: string[];
  readonly providerOption?: Readonly<Record<string, unknown>>;
  readonly stitch?: boolean;
  readonly prompts?: string[];
  readonly concat?: string;
  readonly resume?: boolean;
  readonly delay?: number;
  readonly outDir?: string;
  readonly listModels?: string | boolean;
  readonly listArtifacts?: boolean;
  /** `--status` with `--list-artifacts`. */
  readonly status?: string;
  /** `--since` with `--list-artifacts`, already an ISO time. */
  readonly since?: string;
  /** `--download <id>`: Python's name for `video-gen download <id>`. */
  readonly download?: string;
  readonly loop?: boolean;
}
