import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GenerationRecord } from '@video-gen/core';
import { recordedVideoPath } from '../ledger/recorded-video.js';
import { openRegularFile } from '../media/send-file.js';

/** One clip of a stitched sequence, matched to its ledger record when there is one. */
export interface SequenceClip {
  readonly index: number;
  readonly prompt: string;
  readonly status: string;
  readonly generationId?: string | undefined;
}

/** A stitched sequence: the folder of a `sequence.json` that ledger generations were written into. */
export interface StudioSequence {
  readonly dir: string;
  readonly provider: string;
  readonly model: string;
  readonly clips: readonly SequenceClip[];
  readonly updatedAt: string;
}

const MAX_MANIFEST_BYTES = 1024 * 1024;
const CLIP_FILE = /^[^/\\]+\.mp4$/;

interface ManifestShape {
  version?: unknown;
  provider?: unknown;
  model?: unknown;
  updatedAt?: unknown;
  clips?: { index?: unknown; prompt?: unknown; status?: unknown; path?: unknown }[];
}

async function readManifest(dir: string): Promise<ManifestShape | undefined> {
  const opened = await openRegularFile(path.join(dir, 'sequence.json'));
  if (!opened) return undefined;
  try {
    if (opened.size > MAX_MANIFEST_BYTES) return undefined;
    const value = JSON.parse(await readFile(opened.handle, 'utf8')) as ManifestShape;
    return value?.version === 1 && Array.isArray(value.clips) ? value : undefined;
  } catch {
    return undefined;
  } finally {
    await opened.handle.close();
  }
}

/**
 * The sequences among the ledger's generations: each folder holding a recorded video and a
 * stitching `sequence.json`. Only folders the ledger names are looked in, and each clip is shown
 * only through its ledger record.
 */
export async function findSequences(records: readonly GenerationRecord[]): Promise<StudioSequence[]> {
  const byPath = new Map<string, GenerationRecord>();
  for (const record of records) {
    const file = recordedVideoPath(record);
    if (file !== undefined) byPath.set(file, record);
  }
  const dirs = [...new Set([...byPath.keys()].map((file) => path.dirname(file)))];
  const sequences = await Promise.all(
    dirs.map(async (dir): Promise<StudioSequence | undefined> => {
      const manifest = await readManifest(dir);
      if (!manifest?.clips) return undefined;
      const clips = manifest.clips
        .filter((clip) => typeof clip.path === 'string' && CLIP_FILE.test(clip.path))
        .map((clip) => ({
          index: typeof clip.index === 'number' ? clip.index : 0,
          prompt: typeof clip.prompt === 'string' ? clip.prompt : '',
          status: typeof clip.status === 'string' ? clip.status : 'unknown',
          generationId: byPath.get(path.join(dir, clip.path as string))?.id,
        }))
        .sort((a, b) => a.index - b.index);
      return {
        dir,
        provider: String(manifest.provider ?? ''),
        model: String(manifest.model ?? ''),
        clips,
        updatedAt: String(manifest.updatedAt ?? ''),
      };
    }),
  );
  return sequences
    .filter((sequence): sequence is StudioSequence => sequence !== undefined)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
