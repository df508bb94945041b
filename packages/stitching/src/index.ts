/**
 * Frame-chained multi-clip sequences, last-frame extraction and concatenation.
 *
 * @packageDocumentation
 * @module @video-gen/stitching
 */
export {
  type ConcatClipsOptions,
  type ConcatClipsResult,
  concatClips,
} from './concat/concat-clips.js';
export type { ConcatPlan, ReencodePolicy } from './concat/plan-concat.js';
export type { ClipAudio, ClipInfo, ClipVideo } from './concat/probe-clip.js';
export {
  type ExtractLastFrameOptions,
  extractLastFrame,
  extractLastFrameAsPng,
  type FrameFormat,
} from './frames/extract-last-frame.js';
export {
  generateVideoSequenceWithVeo3Stitching,
  type Veo3StitchingOptions,
} from './parity/generate-video-sequence-with-veo3-stitching.js';
export { generateSequence } from './sequence/generate-sequence.js';
export type { ManifestClip, RecordedFrame, SequenceManifest } from './sequence/sequence-manifest.js';
export type {
  GenerateSequenceOptions,
  GenerateSequenceResult,
  SequenceClip,
  SequenceClipResult,
  SequenceConcatOptions,
  SequenceCostEstimate,
  SequenceGenerationSettings,
  SequenceProgressEvent,
} from './sequence/sequence-options.js';
