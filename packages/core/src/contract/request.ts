import type { ImageMediaType, ModelInfo } from './model-info.js';
import type { VideoInputUse, VideoMediaType } from './video-input.js';

/** An image ready to send: its bytes and detected type, or a URL the vendor fetches itself. */
export type LoadedImage =
  | {
      readonly kind: 'bytes';
      readonly bytes: Uint8Array;
      readonly mediaType: ImageMediaType;
      /** Pixel size, read from the image header. */
      readonly width: number;
      readonly height: number;
      /** Where it came from, for messages. */
      readonly source: string;
      /** The absolute path, when it was read from a file. */
      readonly path?: string;
    }
  | { readonly kind: 'url'; readonly url: string; readonly source: string };

/**
 * An input video ready to send: its bytes with what its header says, or a URL (`https:` or `gs:`)
 * the vendor reads itself.
 */
export type LoadedVideo =
  | {
      readonly kind: 'bytes';
      readonly bytes: Uint8Array;
      readonly mediaType: VideoMediaType;
      /** Length in seconds, from the movie header (`mvhd`). */
      readonly durationSeconds: number;
      /** Pixel size of the first video track (`tkhd`), when the file has one. */
      readonly width: number | undefined;
      readonly height: number | undefined;
      /** What the model does with it (its `videoInput.uses[0]`). */
      readonly use: VideoInputUse;
      /** Where it came from, for messages. */
      readonly source: string;
      /** The absolute path, when it was read from a file. */
      readonly path?: string;
    }
  | {
      readonly kind: 'url';
      readonly url: string;
      readonly use: VideoInputUse;
      readonly source: string;
    };

/**
 * A request after validation against the model: every option is resolved (defaults filled) and
 * typed `T | undefined` on purpose, so an adapter handles each one or warns about it.
 */
export interface ResolvedRequest {
  readonly prompt: string;
  readonly model: ModelInfo;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly durationSeconds: number;
  readonly seed: number | undefined;
  readonly negativePrompt: string | undefined;
  readonly audio: boolean | undefined;
  readonly firstFrame: LoadedImage | undefined;
  readonly lastFrame: LoadedImage | undefined;
  readonly referenceImages: readonly LoadedImage[];
  /**
   * The input video (`generateVideo({ video })`), checked against the model's `videoInput`.
   * Optional in the type so requests built by hand before video input existed stay valid.
   */
  readonly video?: LoadedVideo | undefined;
  /** This provider's options, already validated by its schema. */
  readonly providerOptions: Readonly<Record<string, unknown>>;
  /** Minted once per generation and kept in the journal: send it wherever the vendor deduplicates submits. */
  readonly idempotencyKey: string;
  /**
   * The caller opted in to retired models (`allowRetiredModels`). Core has already refused a
   * retired model without it; a provider with retirements core cannot see (one mode of several)
   * refuses those the same way unless this is set.
   */
  readonly allowRetiredModels?: boolean;
}

/** A setting the model ignored or approximated. Returned in the result, never thrown. */
export interface GenerationWarning {
  readonly type: 'unsupported' | 'approximated' | 'deprecated' | 'other';
  /** The option concerned, such as `seed`. */
  readonly feature?: string;
  readonly message: string;
}
