import type {
  CostEstimate,
  GenerationSettings,
  GenerationWarning,
  ImageInput,
  MaxCost,
  ProgressEvent,
  VideoProvider,
} from '@video-gen/core';
import type { ReencodePolicy } from '../concat/plan-concat.js';
import type { FrameFormat } from '../frames/extract-last-frame.js';

/**
 * One clip of a sequence.
 *
 * @example
 * ```ts
 * const clip: SequenceClip = { prompt: 'The boat drifts into a storm drain', referenceImages: ['boat-style.png'] };
 * ```
 */
export interface SequenceClip {
  /** What the clip shows. */
  readonly prompt: string;
  /**
   * Images without a stated role (Python parity). For the first clip the model maps them as
   * `generateVideo` does (usually the first as first frame); for later clips the first frame is
   * the previous clip's last frame, so these are all reference images.
   */
  readonly images?: readonly ImageInput[];
  /** Style or subject references for this clip. */
  readonly referenceImages?: readonly ImageInput[];
  /** The first clip's first frame. Later clips take the previous clip's last frame instead. */
  readonly firstFrame?: ImageInput;
}

/** Settings shared by every clip: the generation settings of `generateVideo` that describe the video or how to wait for it. */
export type SequenceGenerationSettings = Pick<
  GenerationSettings,
  | 'providerConfig'
  | 'width'
  | 'height'
  | 'fps'
  | 'durationSeconds'
  | 'seed'
  | 'negativePrompt'
  | 'audio'
  | 'providerOptions'
  | 'timeoutMs'
  | 'retry'
  | 'poll'
  | 'fetch'
  | 'allowLoopbackDownloads'
  | 'allowRetiredModels'
  | 'maxDownloadBytes'
  | 'cancelRemoteOnAbort'
>;

/** How the clips are joined when `concatTo` is set. */
export interface SequenceConcatOptions {
  /** Drop each following clip's first frame, which repeats the previous clip's last one. Default true: a seamless join. */
  readonly dropBoundaryFrame?: boolean;
  /** Default `auto`. */
  readonly reencode?: ReencodePolicy;
  /** Replace an existing `concatTo` file that this sequence did not write. Default false. */
  readonly overwrite?: boolean;
  /** x264 preset for a re-encode. Default `veryfast`. */
  readonly preset?: string;
  /** x264 CRF for a re-encode. Default 18. */
  readonly crf?: number;
}

/**
 * What the clips still to generate are expected to cost, summed: reported before the first clip
 * (the `estimated` progress event) and in the result.
 */
export interface SequenceCostEstimate extends CostEstimate {
  /** Each clip's estimate, in order; 0 for a clip already done (kept, not paid again). */
  readonly clips: readonly number[];
}

/** What `onProgress` of {@link generateSequence} receives. */
export interface SequenceProgressEvent {
  readonly phase:
    | 'validating'
    | 'estimated'
    | 'generating'
    | 'reused'
    | 'extracting-frame'
    | 'waiting'
    | 'concatenating'
    | 'done';
  /** The clip concerned (1-based), when there is one. */
  readonly clip?: number;
  /** How many clips the sequence has. */
  readonly clips: number;
  /** core's progress event of the clip being generated, while `phase` is `generating`. */
  readonly generation?: ProgressEvent;
  /** With `estimated` (before the first clip): what the clips still to generate should cost; absent when the model has no known price. */
  readonly costEstimate?: SequenceCostEstimate;
}

/**
 * Options of {@link generateSequence}.
 *
 * @example
 * ```ts
 * const options: GenerateSequenceOptions = {
 *   provider: 'veo3',
 *   clips: [{ prompt: 'A fox wakes up' }, { prompt: 'The fox steps into the snow' }],
 *   images: [['den.png'], []],
 *   outDir: 'out/fox',
 *   concatTo: 'out/fox.mp4',
 *   delayBetweenClipsMs: 5_000,
 * };
 * ```
 */
/** How a sequence continues one clip into the next: from its last frame, or by native extension. */
export type SequenceChain = 'last-frame' | 'extend';

export interface GenerateSequenceOptions extends SequenceGenerationSettings {
  /** A registry id or a provider value. Default `local`. */
  readonly provider?: string | VideoProvider;
  /** A model whose `images.firstFrame` is true; the provider's default model when absent. */
  readonly model?: string;
  /** The clips, in order. */
  readonly clips: readonly SequenceClip[];
  /**
   * Images for the clips (Python's `file_paths_list`): one list used by every clip, or one list per
   * clip (its length must equal the number of clips). Added to each clip's own `images`.
   */
  readonly images?: readonly ImageInput[] | readonly (readonly ImageInput[])[];
  /** The folder for the clips (`clip-01.mp4`, …), their boundary frames (`frames/`) and `sequence.json`. A file at that path is a ValidationError (`output_not_directory`) before any clip. */
  readonly outDir: string;
  /**
   * Join the clips into this file once all are done. Checked before the first clip: it must not be
   * `outDir`, contain it, or be one of the sequence's own files (`sequence_path_conflict`), nor an
   * existing folder (`output_not_file`).
   */
  readonly concatTo?: string;
  /** How to join them. */
  readonly concat?: SequenceConcatOptions;
  /**
   * Continue the sequence recorded in `outDir` (default true): finished clips are kept, a clip in
   * flight is resumed through core's journal. With `false`, `outDir` must not hold a sequence yet:
   * nothing is reused and nothing is deleted.
   */
  readonly resume?: boolean;
  /** Wait this long between two generated clips (vendor rate limits). Default 0. */
  readonly delayBetweenClipsMs?: number;
  /**
   * How clip N+1 continues clip N. `last-frame` (default): it starts from clip N's last frame, on
   * any model that takes a first frame. `extend`: the model continues clip N itself (native video
   * extension, `ModelInfo.videoInput.uses` includes `extend`, such as Veo 3.1 on Vertex AI); clip
   * N is sent as the input video. Recorded in `sequence.json`: a recorded sequence cannot be
   * continued in the other mode.
   */
  readonly chain?: SequenceChain;
  /** Boundary frame format. Default: PNG when the model takes it, JPEG otherwise. */
  readonly frameFormat?: FrameFormat;
  /** Cancels the sequence; a clip in flight keeps its journal and resumes on the next run. */
  readonly signal?: AbortSignal;
  /** Called as the sequence moves on, and with each clip's own progress. */
  readonly onProgress?: (event: SequenceProgressEvent) => void;
  /** The ffmpeg binary for frames and joining; found by core's resolver when absent. */
  readonly ffmpegPath?: string;
  /** The ffprobe binary for joining. */
  readonly ffprobePath?: string;
  /**
   * The most the whole sequence may cost (the clips still to generate), as a number in the model's
   * unit or `{ amount, unit }`. Checked against the sum of every clip's estimate before the first
   * clip: above it, a ValidationError `over_budget` and no request sent (`cost_unit_mismatch`,
   * `price_unknown` as for `generateVideo`).
   */
  readonly maxCost?: MaxCost;
}

/** One finished clip. */
export interface SequenceClipResult {
  /** 1-based. */
  readonly index: number;
  /** The absolute path of the clip. */
  readonly path: string;
  readonly prompt: string;
  /** The vendor's job id. */
  readonly jobId: string | undefined;
  /** The boundary frame this clip started from (clips after the first). */
  readonly firstFramePath: string | undefined;
  /** This clip's last frame, extracted for the next clip. */
  readonly lastFramePath: string | undefined;
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly fps: number | undefined;
  readonly durationSeconds: number | undefined;
  /** How this run got the clip: generated now, a job resumed from core's journal, or reused from an earlier run. */
  readonly source: 'generated' | 'resumed' | 'reused';
}

/**
 * What {@link generateSequence} returns.
 *
 * @example
 * ```ts
 * const { clips, concatPath, warnings } = await generateSequence(options);
 * for (const clip of clips) console.log(clip.index, clip.source, clip.path);
 * ```
 */
export interface GenerateSequenceResult {
  readonly clips: readonly SequenceClipResult[];
  /** The joined video, when `concatTo` was set. */
  readonly concatPath: string | undefined;
  /** `sequence.json`. */
  readonly manifestPath: string;
  readonly provider: string;
  readonly model: string;
  /** Warnings of every clip (prefixed with its number) and of the join. */
  readonly warnings: readonly GenerationWarning[];
  /** What the clips generated in this run were expected to cost, summed before the first; absent when the model has no known price. */
  readonly costEstimate: SequenceCostEstimate | undefined;
}
