import { createHash } from 'node:crypto';
import path from 'node:path';
import { type GenerationWarning, OutputExistsError } from '@video-gen/core';
import { concatClips } from '../concat/concat-clips.js';
import { pathExists } from '../files/publish-file.js';
import type { ManifestStore } from './sequence-manifest.js';
import type { GenerateSequenceOptions } from './sequence-options.js';

/** Whether `concatTo` may be written: free, replaceable, or this sequence's own earlier join. Checked before any clip is generated. */
export async function checkConcatTarget(
  options: GenerateSequenceOptions,
  store: ManifestStore,
): Promise<void> {
  if (!options.concatTo) return;
  const target = path.resolve(options.concatTo);
  if (options.concat?.overwrite || store.manifest.concat?.path === target) return;
  if (await pathExists(target)) throw new OutputExistsError(target);
}

/**
 * Joins the finished clips into `concatTo` (dropping the repeated boundary frames by default).
 * The join is recorded in the manifest: a re-run with the same clips and options keeps it; one
 * with more clips or other options writes it again.
 */
export async function joinSequence(
  options: GenerateSequenceOptions,
  store: ManifestStore,
  clipPaths: readonly string[],
  extendOutput: 'whole' | 'continuation' = 'continuation',
): Promise<{ path: string; warnings: readonly GenerationWarning[] }> {
  const target = path.resolve(options.concatTo!);
  const concat = options.concat ?? {};
  const extend = options.chain === 'extend';
  // Extended clips share no boundary frame; a model returning input plus continuation (`whole`)
  // makes the last clip the whole sequence.
  const dropBoundaryFrame = extend ? false : (concat.dropBoundaryFrame ?? true);
  const joinPaths = extend && extendOutput === 'whole' ? clipPaths.slice(-1) : clipPaths;
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify({
        clips: store.manifest.clips.map((clip) => [clip.fingerprint, clip.bytes]),
        dropBoundaryFrame,
        ...(extend ? { chain: 'extend', extendOutput } : {}),
        reencode: concat.reencode ?? 'auto',
        preset: concat.preset ?? null,
        crf: concat.crf ?? null,
      }),
    )
    .digest('hex');
  const recorded = store.manifest.concat;
  if (recorded?.path === target && recorded.fingerprint === fingerprint && (await pathExists(target))) {
    return { path: target, warnings: [] };
  }
  const joined = await concatClips(joinPaths, target, {
    dropBoundaryFrame,
    reencode: concat.reencode ?? 'auto',
    // This sequence's own earlier join is replaced; anything else only when asked.
    overwrite: concat.overwrite === true || recorded?.path === target,
    ...(concat.preset === undefined ? {} : { preset: concat.preset }),
    ...(concat.crf === undefined ? {} : { crf: concat.crf }),
    ...(options.ffmpegPath === undefined ? {} : { ffmpegPath: options.ffmpegPath }),
    ...(options.ffprobePath === undefined ? {} : { ffprobePath: options.ffprobePath }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  await store.update({ concat: { path: target, fingerprint, mode: joined.mode } });
  return { path: target, warnings: joined.warnings };
}
