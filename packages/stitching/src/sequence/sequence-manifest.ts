import { readFile } from 'node:fs/promises';
import { inspectFile, VideoGenError, writeFileAtomic } from '@video-gen/core';
import type { ClipIdentity, RecordedSettings } from './clip-fingerprint.js';
import { manifestSchema } from './manifest-schema.js';

/** A file the sequence wrote, with its content hash. Paths are relative to the sequence folder. */
export interface RecordedFrame {
  readonly path: string;
  readonly sha256: string;
}

/** One clip as `sequence.json` records it. */
export interface ManifestClip {
  /** 1-based. */
  readonly index: number;
  readonly prompt: string;
  /** `in-progress`: started, and maybe submitted (core's journal `<clip>.job.json` says); `done`: the file is complete. */
  readonly status: 'pending' | 'in-progress' | 'done';
  /** Identifies what the clip is made from (chained to the previous clip). */
  readonly fingerprint: string;
  /** What the clip is made from, to say what changed. */
  readonly identity: ClipIdentity;
  /** The clip file, relative to the sequence folder. */
  readonly path: string;
  readonly jobId?: string | undefined;
  /** Size of the finished file in bytes. */
  readonly bytes?: number | undefined;
  readonly width?: number | undefined;
  readonly height?: number | undefined;
  readonly fps?: number | undefined;
  readonly durationSeconds?: number | undefined;
  /** The previous clip's last frame this clip started from. */
  readonly firstFrame?: RecordedFrame | undefined;
  /** This clip's last frame, the next clip's first. */
  readonly lastFrame?: RecordedFrame | undefined;
  readonly updatedAt: string;
}

/**
 * `sequence.json`: a sequence's prompts, settings and per-clip progress, so a re-run continues it.
 *
 * @example
 * ```ts
 * const manifest: SequenceManifest = JSON.parse(await readFile('out/fox/sequence.json', 'utf8'));
 * console.log(manifest.clips.map((clip) => clip.status)); // ['done', 'in-progress']
 * ```
 */
export interface SequenceManifest {
  readonly version: 1;
  readonly provider: string;
  readonly model: string;
  readonly settings: RecordedSettings;
  readonly clips: readonly ManifestClip[];
  /** The joined video, once written. */
  readonly concat?:
    | { readonly path: string; readonly fingerprint: string; readonly mode: string }
    | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The manifest's file name inside the sequence folder. */
export const MANIFEST_NAME = 'sequence.json';

/** Reads a manifest; `undefined` when there is none. A manifest that cannot be parsed is an error, never ignored: it may record paid clips. */
export async function readManifest(file: string): Promise<SequenceManifest | undefined> {
  let text: string;
  // A link at the manifest's name is refused (FileSystemError unsafe_path), never read or written through.
  if (!(await inspectFile(file))) return undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw new VideoGenError(`Cannot read the sequence manifest ${file}.`, 'manifest_unreadable', {
      cause: error,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new VideoGenError(
      `The sequence manifest ${file} is not valid JSON. It records paid clips: inspect it, or use a new outDir.`,
      'manifest_corrupt',
      { cause: error },
    );
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new VideoGenError(
      `${file} is not a video-gen sequence manifest (version 1): ${where}. It may record paid clips: inspect it, or use a new outDir.`,
      'manifest_corrupt',
    );
  }
  return parsed.data as SequenceManifest;
}

/**
 * Writes a manifest atomically (a fresh temporary file created without following links, then a
 * rename): a crash leaves the old one or the new one, and a link at the name is refused.
 */
export async function writeManifest(file: string, manifest: SequenceManifest): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * The manifest in memory plus its file. Changes apply at once; writes are queued one after the
 * other, so a write started from a progress callback never lands after a later one.
 */
export class ManifestStore {
  private pending: Promise<void> = Promise.resolve();
  constructor(
    readonly file: string,
    private current: SequenceManifest,
  ) {}

  get manifest(): SequenceManifest {
    return this.current;
  }

  /** Changes clip `index` (1-based) and queues a write. */
  updateClip(index: number, changes: Partial<ManifestClip>): Promise<void> {
    const now = new Date().toISOString();
    const clips = this.current.clips.map((clip) =>
      clip.index === index ? { ...clip, ...changes, updatedAt: now } : clip,
    );
    return this.update({ clips });
  }

  /** Changes the manifest and queues a write; resolves once it is on disk. */
  update(changes: Partial<SequenceManifest>): Promise<void> {
    this.current = { ...this.current, ...changes, updatedAt: new Date().toISOString() };
    const snapshot = this.current;
    this.pending = this.pending.then(() => writeManifest(this.file, snapshot));
    return this.pending;
  }

  /** Resolves once every queued write is on disk. */
  flush(): Promise<void> {
    return this.pending;
  }
}
