import path from 'node:path';
import { type GenerationWarning, generateVideo, journalPathFor, VideoGenError } from '@video-gen/core';
import { mp4Facts } from '../files/file-facts.js';
import { pathExists } from '../files/publish-file.js';
import { boundaryFrame } from './boundary-frame.js';
import type { OpenSequence } from './open-sequence.js';
import type { RecordedFrame } from './sequence-manifest.js';
import type {
  GenerateSequenceOptions,
  SequenceClipResult,
  SequenceProgressEvent,
} from './sequence-options.js';

/** What producing one clip gave. */
export interface ProducedClip {
  readonly clip: SequenceClipResult;
  readonly warnings: readonly GenerationWarning[];
}

/**
 * Produces clip `index` (1-based): reuses it when the manifest says it is done; otherwise takes the
 * previous clip's last frame as its first and runs core's `generateVideo`, which resumes the job
 * its journal records or submits a new one. The manifest says `in-progress` before the call and
 * `done` after it.
 */
export async function produceClip(
  sequence: OpenSequence,
  options: GenerateSequenceOptions,
  index: number,
  emit: (event: Omit<SequenceProgressEvent, 'clips'>) => void,
): Promise<ProducedClip> {
  const { store, outDir, layout } = sequence;
  const position = index - 1;
  const request = sequence.requests[position]!;
  const file = path.join(outDir, layout.clip(index));
  let boundary: (RecordedFrame & { absolute: string }) | undefined;
  // Extension: clip N+1 is the model continuing clip N's file; no frame is extracted.
  const extendFrom =
    sequence.chain === 'extend' && index > 1 ? path.join(outDir, layout.clip(index - 1)) : undefined;
  if (index > 1 && !extendFrom) {
    const previous = store.manifest.clips[position - 1]!;
    emit({ phase: 'extracting-frame', clip: index - 1 });
    boundary = await boundaryFrame(
      outDir,
      previous,
      store.manifest.clips[position]!,
      layout.lastFrame(index - 1),
      {
        format: sequence.format,
        ffmpegPath: options.ffmpegPath,
        signal: options.signal,
      },
    );
    if (previous.lastFrame?.sha256 !== boundary.sha256)
      await store.updateClip(index - 1, { lastFrame: { path: boundary.path, sha256: boundary.sha256 } });
  }
  const resultOf = (source: SequenceClipResult['source']): SequenceClipResult => {
    const clip = store.manifest.clips[position]!;
    const { prompt, jobId, width, height, fps, durationSeconds } = clip;
    return {
      ...{ index, path: file, prompt, jobId, width, height, fps, durationSeconds, source },
      firstFramePath: boundary?.absolute,
      // Filled in once the next clip has extracted it.
      lastFramePath: undefined,
    };
  };

  const recorded = store.manifest.clips[position]!;
  if (recorded.status === 'done') {
    emit({ phase: 'reused', clip: index });
    return { clip: resultOf('reused'), warnings: [] };
  }
  // A crash after core finished the clip but before the manifest said so: the clip is complete.
  if (recorded.status === 'in-progress' && !(await pathExists(journalPathFor(file)))) {
    const facts = await mp4Facts(file);
    if (facts?.isMp4) {
      await store.updateClip(index, { status: 'done', bytes: facts.bytes });
      emit({ phase: 'reused', clip: index });
      return { clip: resultOf('resumed'), warnings: [] };
    }
    if (facts) {
      throw new VideoGenError(
        `${file} is not an MP4; it is not replaced. Move it away and run again.`,
        'sequence_clip_changed',
      );
    }
  }

  await store.updateClip(index, {
    status: 'in-progress',
    firstFrame: boundary && { path: boundary.path, sha256: boundary.sha256 },
  });
  // Clip 1 takes its own first frame, if any; every later clip the previous clip's last frame.
  const firstFrame = boundary?.absolute ?? request.firstFrame;
  const result = await generateVideo({
    ...sequence.base,
    prompt: request.prompt,
    images: request.images,
    referenceImages: request.referenceImages,
    ...(firstFrame === undefined ? {} : { firstFrame }),
    // The same path on every run, so core's journal matches and a resumed clip is never paid twice.
    ...(extendFrom === undefined ? {} : { video: extendFrom, videoUse: 'extend' as const }),
    outPath: file,
    onProgress: (generation) => {
      emit({ phase: 'generating', clip: index, generation });
      // Recorded as soon as known, so the manifest names the paid job even if this process dies.
      if (generation.jobId && store.manifest.clips[position]!.jobId !== generation.jobId) {
        store.updateClip(index, { jobId: generation.jobId }).catch(() => undefined);
      }
    },
  });
  await store.updateClip(index, {
    status: 'done',
    jobId: result.jobId,
    bytes: result.bytes,
    width: result.width,
    height: result.height,
    fps: result.fps,
    durationSeconds: result.durationSeconds,
  });
  return {
    clip: resultOf(result.resumed ? 'resumed' : 'generated'),
    warnings: result.warnings.map((warning) => ({
      ...warning,
      message: `Clip ${index}: ${warning.message}`,
    })),
  };
}
