import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { JobRef } from '../contract/job-ref.js';
import type { GenerationWarning } from '../contract/request.js';
import { VideoGenError } from '../errors/video-gen-error.js';

/** The request as the journal keeps it, enough to submit it again after a crash during submit. */
export interface JournalRequest {
  readonly prompt: string;
  readonly model: string;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly durationSeconds: number;
  readonly seed?: number | undefined;
  readonly negativePrompt?: string | undefined;
  readonly audio?: boolean | undefined;
  /** Image sources (paths or URLs); `null` for images given as bytes, which cannot be read back. */
  readonly firstFrame?: string | null | undefined;
  readonly lastFrame?: string | null | undefined;
  readonly referenceImages?: readonly (string | null)[] | undefined;
  readonly providerOptions?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The journal written next to the output as `<out>.job.json` while a job is in flight. It holds
 * the job reference, so a re-run resumes the job instead of paying for a new one.
 */
export interface Journal {
  readonly version: 1;
  /** `submitting`: the submit call was made but its answer not yet recorded; `submitted`: the job is known; `downloaded`: the video is complete in `<out>.part`. */
  readonly state: 'submitting' | 'submitted' | 'downloaded';
  readonly provider: string;
  readonly outPath: string;
  /** Whether the caller allowed replacing an existing output. */
  readonly overwrite?: boolean;
  /** Sent with the submit wherever the vendor deduplicates, so a submit repeated after a crash is not charged twice. */
  readonly idempotencyKey: string;
  /** Identifies the request, so a re-run with other settings is not mistaken for this one. */
  readonly fingerprint: string;
  readonly request: JournalRequest;
  readonly job?: JobRef | undefined;
  readonly warnings: readonly GenerationWarning[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The journal path for an output path. */
export function journalPathFor(outPath: string): string {
  return `${outPath}.job.json`;
}

/** Reads a journal; `undefined` when there is none. A journal that cannot be parsed is an error, never ignored. */
export async function readJournal(path: string): Promise<Journal | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw new VideoGenError(`Cannot read the job journal ${path}`, 'journal_unreadable', { cause: error });
  }
  let journal: Journal;
  try {
    journal = JSON.parse(text) as Journal;
  } catch (error) {
    throw new VideoGenError(
      `The job journal ${path} is not valid JSON. It may hold a paid job: inspect it, then delete it to start over.`,
      'journal_corrupt',
      { cause: error },
    );
  }
  if (
    journal?.version !== 1 ||
    typeof journal.idempotencyKey !== 'string' ||
    typeof journal.outPath !== 'string'
  ) {
    throw new VideoGenError(
      `The job journal ${path} is not a video-gen journal (version 1).`,
      'journal_corrupt',
    );
  }
  return journal;
}

/** Writes a journal atomically: a crash leaves the old one or the new one, never half of one. */
export async function writeJournal(path: string, journal: Journal): Promise<void> {
  // One fixed name: only the lock holder writes, and a crash mid-write leaves at most this file,
  // which the next write replaces and deleteJournal removes.
  const temporary = `${path}.tmp`;
  await writeFile(temporary, `${JSON.stringify(journal, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}

/** Removes a journal once its job is finished. */
export async function deleteJournal(path: string): Promise<void> {
  await rm(path, { force: true });
  await rm(`${path}.tmp`, { force: true });
}
