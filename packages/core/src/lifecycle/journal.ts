import { realpath } from 'node:fs/promises';
import nodePath from 'node:path';
import type { JobRef } from '../contract/job-ref.js';
import type { GenerationWarning } from '../contract/request.js';
import type { CostEstimate } from '../cost/estimate-cost.js';
import { VideoGenError } from '../errors/video-gen-error.js';
import { fileOps } from '../fs/file-ops.js';
import { toFileSystemError } from '../fs/to-file-system-error.js';
import { removeTemporaryFiles, writeFileAtomic } from '../fs/write-atomic.js';
import { describeIssues, journalSchema } from './journal-schema.js';
import { readStateFile, type StateFileRead } from './read-state-file.js';

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
  /** The input video's source (path or URL); `null` when it was given as bytes. */
  readonly video?: string | null | undefined;
  /** What the model was asked to do with the video. */
  readonly videoUse?: 'edit' | 'extend' | 'reference' | undefined;
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
  /** The estimate made before the submit, copied into the ledger record. */
  readonly costEstimate?: CostEstimate | undefined;
  readonly warnings: readonly GenerationWarning[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The journal path for an output path. */
export function journalPathFor(outPath: string): string {
  return `${outPath}.job.json`;
}

/** Journals are small; anything larger is not one. */
const MAX_JOURNAL_BYTES = 4 * 1024 * 1024;

/**
 * Reads a journal; `undefined` when there is none. A journal that cannot be parsed, or does not
 * match the version 1 schema, is a `journal_corrupt` error, never ignored: the file is left as it
 * is, since it may hold a paid job. A FIFO, socket, device or directory at the path is a
 * `journal_unreadable` error at once (it is never read, so a FIFO cannot hang the call).
 */
export async function readJournal(path: string): Promise<Journal | undefined> {
  let read: StateFileRead;
  try {
    read = await readStateFile(path, { maxBytes: MAX_JOURNAL_BYTES, followLinks: true });
  } catch (error) {
    throw new VideoGenError(`Cannot read the job journal ${path}: ${String(error)}`, 'journal_unreadable', {
      cause: error,
    });
  }
  if (read.kind === 'missing') return undefined;
  if (read.kind === 'not-file') {
    throw new VideoGenError(
      `The job journal ${path} is ${read.what}, not a file: give the path of a <output>.job.json file.`,
      'journal_unreadable',
    );
  }
  if (read.kind === 'too-large') {
    throw new VideoGenError(
      `The job journal ${path} is ${read.bytes} bytes, too large to be a video-gen journal.`,
      'journal_corrupt',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch (error) {
    throw new VideoGenError(
      `The job journal ${path} is not valid JSON. It may hold a paid job: inspect it, then delete it to start over.`,
      'journal_corrupt',
      { cause: error },
    );
  }
  const parsed = (await journalSchema()).safeParse(value);
  if (!parsed.success) {
    const version = (value as { version?: unknown } | null)?.version;
    const why =
      typeof version === 'number' && version !== 1
        ? `version ${version}, which this video-gen does not know (it reads version 1)`
        : describeIssues(parsed.error);
    throw new VideoGenError(
      `The job journal ${path} is not a valid video-gen journal (${why}). It is kept as it is: it may hold a paid job, so inspect it, then delete it to start over.`,
      'journal_corrupt',
    );
  }
  const journal = parsed.data as Journal;
  if (!(await sitsBesideItsOutput(path, journal.outPath))) {
    throw new VideoGenError(
      `The job journal ${path} names the output ${journal.outPath}, whose journal would be ${journalPathFor(journal.outPath)}: a journal only ever drives the output it sits beside. It is kept as it is; move it back beside its output, or delete it.`,
      'journal_corrupt',
    );
  }
  return journal;
}

/**
 * Whether a journal at `path` is the journal of `outPath`: a journal copied or planted elsewhere
 * must never aim a resume (a write, a rename) at a file outside its own folder.
 */
async function sitsBesideItsOutput(path: string, outPath: string): Promise<boolean> {
  if (!nodePath.isAbsolute(outPath)) return false;
  const expected = journalPathFor(outPath);
  if (nodePath.resolve(path) === nodePath.resolve(expected)) return true;
  try {
    // The same file reached through a linked folder.
    const [actual, wanted] = await Promise.all([
      realpath(path),
      realpath(nodePath.dirname(expected)).then((dir) => nodePath.join(dir, nodePath.basename(expected))),
    ]);
    return actual === wanted;
  } catch {
    return false;
  }
}

/**
 * Writes a journal atomically: a crash leaves the old one or the new one, never half of one. The
 * temporary file has a fresh random name created exclusively (no link followed), and a link or
 * folder at the journal's own name is a FileSystemError `unsafe_path`, never written through.
 */
export async function writeJournal(path: string, journal: Journal): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(journal, null, 2)}\n`, { mode: 0o600 });
}

/** Removes a journal once its job is finished, with any temporary file a crash left beside it. */
export async function deleteJournal(path: string): Promise<void> {
  try {
    // A link at the name is removed itself, never what it points to.
    await fileOps.rm(path, { force: true });
  } catch (error) {
    throw toFileSystemError(error, path, 'remove');
  }
  await removeTemporaryFiles(path);
  // The fixed temporary name of earlier versions.
  await fileOps.rm(`${path}.tmp`, { force: true }).catch(() => {});
}
