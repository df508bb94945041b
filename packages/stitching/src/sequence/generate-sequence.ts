import path from 'node:path';
import { CancelledError, type GenerationWarning } from '@video-gen/core';
import { abortableDelay } from './abortable-delay.js';
import { checkSequenceOptions } from './check-sequence-options.js';
import { joinSequence } from './join-sequence.js';
import { openSequence } from './open-sequence.js';
import { produceClip } from './produce-clip.js';
import type {
  GenerateSequenceOptions,
  GenerateSequenceResult,
  SequenceClipResult,
  SequenceProgressEvent,
} from './sequence-options.js';

/**
 * Generates a sequence of clips where each clip starts from the previous clip's last frame, on
 * any provider and model that takes a first frame (`ModelInfo.images.firstFrame`), and optionally
 * joins them into one video. With `chain: 'extend'`, each clip instead continues the previous one
 * through the model's native video extension (`ModelInfo.videoInput.uses` includes `extend`).
 *
 * Before anything is generated it checks every option and path (a bad one is a ValidationError
 * naming it, before any provider is resolved), resolves the provider and model (refusing one that cannot take
 * a first frame, and naming those that can) and validates every clip as core would. Progress is
 * recorded in `<outDir>/sequence.json`: run the same call again after a crash and finished clips
 * are kept, the clip in flight is resumed through core's journal (never submitted twice), and the
 * rest are generated. A changed prompt or setting of a started clip is reported, never silently
 * reused or deleted.
 *
 * @example
 * ```ts
 * import { generateSequence } from '@video-gen/stitching';
 *
 * const result = await generateSequence({
 *   provider: 'local', // or 'veo3', 'runway', a provider value, …
 *   clips: [
 *     { prompt: 'A paper boat sets off on a rainy street', images: ['boat.png'] },
 *     { prompt: 'The boat drifts into a storm drain' },
 *     { prompt: 'The boat comes out into a sunlit river' },
 *   ],
 *   width: 1280, height: 720, durationSeconds: 4,
 *   outDir: 'out/boat',
 *   concatTo: 'out/boat.mp4',
 *   onProgress: (event) => console.error(event.phase, event.clip ?? ''),
 * });
 * console.log(result.concatPath);
 * ```
 *
 * @throws {ValidationError} an option of the wrong type or an unknown one (`invalid_options`);
 * `outDir` is a file (`output_not_directory`), `concatTo` is a folder (`output_not_file`) or is
 * `outDir`, contains it or is one of the sequence's own files (`sequence_path_conflict`); a model without first frames (`model_cannot_chain`), or that cannot extend with `chain: 'extend'` (`model_cannot_extend`), a clip the model
 * cannot take, a per-clip image list of the wrong length, or a started clip asked for differently
 * (`sequence_changed`); the estimate of the clips still to generate is above `maxCost`
 * (`over_budget`, nothing sent), or `maxCost` cannot be kept (`cost_unit_mismatch`, `price_unknown`).
 * @throws {InputFileError} an image is missing or unusable.
 * @throws {CancelledError} / `JobTimeoutError` the clip in flight keeps its journal: run again to resume.
 */
export async function generateSequence(options: GenerateSequenceOptions): Promise<GenerateSequenceResult> {
  await checkSequenceOptions(options);
  const total = Array.isArray(options.clips) ? options.clips.length : 0;
  const emit = (event: Omit<SequenceProgressEvent, 'clips'>) => {
    try {
      options.onProgress?.({ ...event, clips: total });
    } catch {
      // A throwing progress callback must not break a paid sequence.
    }
  };
  emit({ phase: 'validating' });
  const sequence = await openSequence(options);
  const warnings: GenerationWarning[] = [...sequence.warnings];
  emit({ phase: 'estimated', ...(sequence.costEstimate ? { costEstimate: sequence.costEstimate } : {}) });

  const produced: SequenceClipResult[] = [];
  let generatedBefore = false;
  for (let index = 1; index <= total; index++) {
    const pending = sequence.store.manifest.clips[index - 1]!.status !== 'done';
    if (pending && generatedBefore && (options.delayBetweenClipsMs ?? 0) > 0) {
      emit({ phase: 'waiting', clip: index });
      await abortableDelay(options.delayBetweenClipsMs!, options.signal);
    }
    if (options.signal?.aborted) throw new CancelledError('Cancelled.', { cause: options.signal.reason });
    const { clip, warnings: clipWarnings } = await produceClip(sequence, options, index, emit);
    produced.push(clip);
    warnings.push(...clipWarnings);
    generatedBefore ||= clip.source !== 'reused';
  }
  // Each clip's last frame, where one was extracted for the next clip.
  const clips = produced.map((clip, position) => {
    const frame = sequence.store.manifest.clips[position]!.lastFrame;
    return { ...clip, lastFramePath: frame ? path.join(sequence.outDir, frame.path) : undefined };
  });

  let concatPath: string | undefined;
  if (options.concatTo) {
    emit({ phase: 'concatenating' });
    const joined = await joinSequence(
      options,
      sequence.store,
      clips.map((clip) => clip.path),
      sequence.model.videoInput?.extendOutput,
    );
    concatPath = joined.path;
    warnings.push(...joined.warnings);
  }
  await sequence.store.flush();
  emit({ phase: 'done' });
  return {
    clips,
    concatPath,
    manifestPath: sequence.store.file,
    provider: sequence.provider.id,
    model: sequence.model.id,
    warnings,
    costEstimate: sequence.costEstimate,
  };
}
