/** Options of {@link startStudio}. */
export interface StudioOptions {
  /** The port to listen on, on 127.0.0.1 only. Default: 0 (a free port the system picks). */
  readonly port?: number | undefined;
  /** The ledger's folder. Default: core's `defaultLedgerDir()` (`VIDEO_GEN_HOME/ledger`, …). */
  readonly ledgerDir?: string | undefined;
  /** Where videos started from the page are written. Default: the working directory. */
  readonly outDir?: string | undefined;
  /**
   * Where poster frames and boundary frames are cached. Default: `studio-cache` beside the ledger
   * folder. Each frame is extracted once with ffmpeg.
   */
  readonly cacheDir?: string | undefined;
  /** Each provider's config, by provider id, for the generations the page starts or downloads. */
  readonly providerConfig?: Readonly<Record<string, unknown>> | undefined;
  /** The ffmpeg binary for frames. Default: core's resolver (`FFMPEG_PATH`, `@ffmpeg-installer/ffmpeg`, PATH). */
  readonly ffmpegPath?: string | undefined;
  /** Closes the studio when aborted. */
  readonly signal?: AbortSignal | undefined;
}

/** A running studio, from {@link startStudio}. */
export interface Studio {
  /** The page's address, token included: `http://127.0.0.1:<port>/?token=…`. */
  readonly url: string;
  /** The address without the token. */
  readonly origin: string;
  /** The random token every request must carry (in the URL, a cookie or the `X-Studio-Token` header). */
  readonly token: string;
  readonly port: number;
  /** Stops listening and cancels the generations the page started (their journals stay, to resume). */
  close(): Promise<void>;
}
