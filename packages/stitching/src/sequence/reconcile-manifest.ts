import path from 'node:path';
import { type GenerationWarning, journalPathFor, ValidationError, VideoGenError } from '@video-gen/core';
import { mp4Facts } from '../files/file-facts.js';
import { pathExists } from '../files/publish-file.js';
import type { ClipIdentity, RecordedSettings } from './clip-fingerprint.js';
import { MANIFEST_NAME, type ManifestClip, type SequenceManifest } from './sequence-manifest.js';

/** A clip as this call asks for it. */
export interface PlannedClip {
  readonly index: number;
  readonly prompt: string;
  readonly identity: ClipIdentity;
  readonly fingerprint: string;
  /** Relative to the sequence folder. */
  readonly path: string;
}

function pendingClip(planned: PlannedClip): ManifestClip {
  return {
    index: planned.index,
    prompt: planned.prompt,
    status: 'pending',
    fingerprint: planned.fingerprint,
    identity: planned.identity,
    path: planned.path,
    updatedAt: new Date().toISOString(),
  };
}

const quote = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);

/** What differs between the recorded and the requested clip, in words. */
function describeChange(recorded: ClipIdentity, requested: ClipIdentity): string {
  const changes: string[] = [];
  if (recorded.prompt !== requested.prompt)
    changes.push(`prompt changed from ${quote(recorded.prompt)} to ${quote(requested.prompt)}`);
  if (recorded.provider !== requested.provider || recorded.model !== requested.model)
    changes.push(
      `model changed from ${recorded.provider}/${recorded.model} to ${requested.provider}/${requested.model}`,
    );
  const keys = Object.keys({ ...recorded.settings, ...requested.settings }) as (keyof RecordedSettings)[];
  for (const key of keys) {
    const [before, after] = [JSON.stringify(recorded.settings[key]), JSON.stringify(requested.settings[key])];
    if (before !== after) changes.push(`${key} changed from ${before} to ${after}`);
  }
  for (const key of ['images', 'referenceImages', 'firstFrame'] as const) {
    if (JSON.stringify(recorded[key]) !== JSON.stringify(requested[key])) changes.push(`${key} changed`);
  }
  return changes.length > 0
    ? changes.join('; ')
    : 'a clip before it changed, and this clip starts from its last frame';
}

function changedError(outDir: string, clip: ManifestClip, why: string): ValidationError {
  const state = clip.status === 'done' ? 'already generated' : 'in flight (submitted, maybe paid)';
  return new ValidationError(
    `Clip ${clip.index} of the sequence in ${outDir} is ${state} from another request: ${why}. ` +
      'Finished or submitted clips are never silently reused for a different request, nor deleted. ' +
      'To make the changed sequence, use a new outDir; to continue the recorded one, run it with its recorded prompts and settings (see sequence.json).',
    { code: 'sequence_changed', issues: [{ field: `clips[${clip.index - 1}]`, message: why }] },
  );
}

/**
 * Lines up this call's clips with the sequence recorded in `outDir`, before anything is generated.
 * Started clips (in flight or done) must be asked for unchanged; pending ones take the new request.
 * A done clip whose file is gone is generated again when nothing was built on it yet; one whose
 * file no longer matches the manifest is an error, as is an unknown clip file in a new sequence.
 *
 * @throws {ValidationError} `sequence_changed`, `sequence_exists` (with `resume: false`) or
 * `sequence_dir_not_empty`.
 */
export async function reconcileManifest(
  outDir: string,
  existing: SequenceManifest | undefined,
  fresh: Omit<SequenceManifest, 'clips'>,
  planned: readonly PlannedClip[],
  resume: boolean,
): Promise<{ manifest: SequenceManifest; warnings: GenerationWarning[] }> {
  const warnings: GenerationWarning[] = [];
  const where = (clip: { path: string }) => path.join(outDir, clip.path);
  if (existing && !resume) {
    throw new ValidationError(
      `${outDir} already holds a sequence (${MANIFEST_NAME}), and resuming it was not asked for. Nothing is reused or deleted: resume it, write to another folder, or remove that folder yourself.`,
      { code: 'sequence_exists', issues: [{ field: 'outDir', message: 'holds a sequence' }] },
    );
  }
  const recorded = new Map((existing?.clips ?? []).map((clip) => [clip.index, clip]));
  for (const clip of recorded.values()) {
    if (clip.status === 'pending') continue;
    const requested = planned[clip.index - 1];
    if (!requested) {
      throw changedError(
        outDir,
        clip,
        `this call asks for ${planned.length} clips, the sequence has clip ${clip.index}`,
      );
    }
    if (requested.fingerprint !== clip.fingerprint)
      throw changedError(outDir, clip, describeChange(clip.identity, requested.identity));
  }

  const clips = planned.map((plan) => {
    const old = recorded.get(plan.index);
    return old && old.status !== 'pending' ? old : pendingClip(plan);
  });
  const startedAfter = (index: number) =>
    clips.some((clip) => clip.index > index && clip.status !== 'pending');
  for (const [position, clip] of clips.entries()) {
    const file = where(clip);
    if (clip.status === 'pending') {
      if ((await pathExists(file)) || (await pathExists(journalPathFor(file)))) {
        throw new ValidationError(
          `${file} (or its job journal) exists but ${MANIFEST_NAME} does not record it as started. Use a new outDir; nothing there is overwritten.`,
          { code: 'sequence_dir_not_empty', issues: [{ field: 'outDir', message: `${clip.path} exists` }] },
        );
      }
      continue;
    }
    if (clip.status !== 'done') continue;
    const facts = await mp4Facts(file);
    if (!facts) {
      if (startedAfter(clip.index)) {
        throw new VideoGenError(
          `Clip ${clip.index} (${file}) is recorded as done but its file is missing, and later clips were made from its last frame. Restore the file, or use a new outDir.`,
          'sequence_clip_missing',
        );
      }
      warnings.push({
        type: 'other',
        feature: 'resume',
        message: `Clip ${clip.index} was recorded as done but ${file} is missing: generating it again.`,
      });
      clips[position] = { ...pendingClip(planned[position]!), jobId: undefined };
      continue;
    }
    if (!facts.isMp4 || (clip.bytes !== undefined && facts.bytes !== clip.bytes)) {
      throw new VideoGenError(
        `Clip ${clip.index} (${file}) no longer matches ${MANIFEST_NAME} (${facts.isMp4 ? `${facts.bytes} bytes, recorded ${clip.bytes}` : 'not an MP4'}). It is not replaced: restore it, or move it away to generate it again.`,
        'sequence_clip_changed',
      );
    }
  }
  const manifest: SequenceManifest = existing
    ? { ...existing, provider: fresh.provider, model: fresh.model, settings: fresh.settings, clips }
    : { ...fresh, clips };
  return { manifest, warnings };
}
