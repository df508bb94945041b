import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DownloadError, GenerationFailedError } from '../errors/job-errors.js';
import { OutputExistsError } from '../errors/validation-error.js';
import { VideoGenError } from '../errors/video-gen-error.js';
import { fileExists } from '../lifecycle/finish-output.js';
import type { GenerateVideoResult, GenerationSettings } from '../lifecycle/generate-video-options.js';
import {
  deleteJournal,
  type Journal,
  journalPathFor,
  readJournal,
  writeJournal,
} from '../lifecycle/journal.js';
import { withOutputLock } from '../lifecycle/output-lock.js';
import { resolveProvider } from '../lifecycle/resolve-provider.js';
import { runJournal } from '../lifecycle/start-run.js';
import { parseOptions } from '../validation/options/parse-options.js';
import type { GenerationRecord, GenerationStatus } from './generation-record.js';
import { defaultLedgerDir } from './ledger-location.js';
import { LedgerStore } from './ledger-store.js';
import { reconcileRecord } from './reconcile-record.js';

/** Which ledger to read: a folder, or the default location. */
export interface LedgerOptions {
  /** The ledger's folder. Default: `VIDEO_GEN_HOME/ledger`, else the platform's data folder. */
  readonly ledger?: string;
}

/** Filters for {@link listGenerations}. */
export interface ListGenerationsOptions extends LedgerOptions {
  readonly provider?: string;
  readonly status?: GenerationStatus | readonly GenerationStatus[];
  /** Only generations created at or after this time. */
  readonly since?: Date | string;
}

function store(options: LedgerOptions): LedgerStore {
  return new LedgerStore(options.ledger ?? defaultLedgerDir());
}

/**
 * The generations recorded in the ledger, newest first: every job that was submitted, with its
 * status (`submitted`, `succeeded`, `downloaded`, `failed`, `expired`). A `succeeded` record whose
 * video is already in place (a run killed before its last bookkeeping step) is marked `downloaded`.
 *
 * @example
 * ```ts
 * const notDownloaded = await listGenerations({ status: 'succeeded' });
 * ```
 */
export async function listGenerations(options: ListGenerationsOptions = {}): Promise<GenerationRecord[]> {
  await parseOptions('listGenerations', options);
  const statuses =
    options.status === undefined ? undefined : ([] as GenerationStatus[]).concat(options.status);
  const since = options.since === undefined ? undefined : new Date(options.since).getTime();
  const ledger = store(options);
  const records = await Promise.all((await ledger.all()).map((record) => reconcileRecord(record, ledger)));
  return records
    .filter((record) => options.provider === undefined || record.provider === options.provider)
    .filter((record) => statuses === undefined || statuses.includes(record.status))
    .filter((record) => since === undefined || Date.parse(record.createdAt) >= since)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** One recorded generation, or a VideoGenError (`generation_not_found`). */
export async function getGeneration(id: string, options: LedgerOptions = {}): Promise<GenerationRecord> {
  await parseOptions('getGeneration', options);
  const record = await store(options).read(id);
  if (!record) {
    throw new VideoGenError(
      `No generation "${id}" in the ledger at ${store(options).dir}. List them with listGenerations().`,
      'generation_not_found',
    );
  }
  return record;
}

/** Removes a generation from the ledger (the video file, if any, stays). Returns whether it was there. */
export async function forgetGeneration(id: string, options: LedgerOptions = {}): Promise<boolean> {
  await parseOptions('forgetGeneration', options);
  return store(options).remove(id);
}

/** Options of {@link downloadGeneration}. */
export interface DownloadGenerationOptions
  extends LedgerOptions,
    Pick<
      GenerationSettings,
      | 'provider'
      | 'providerConfig'
      | 'signal'
      | 'timeoutMs'
      | 'onProgress'
      | 'retry'
      | 'poll'
      | 'fetch'
      | 'allowLoopbackDownloads'
      | 'maxDownloadBytes'
    > {
  /** Where to write the video. Default: the path recorded for the generation. */
  readonly outPath?: string;
  readonly overwrite?: boolean;
}

/**
 * Downloads a recorded generation's video again, without submitting anything: for a video whose
 * download failed, or a file that was lost, while the vendor still holds it. Once the vendor no
 * longer has it, the generation is marked `expired` and a DownloadError (`generation_expired`) says so.
 *
 * @example
 * ```ts
 * const [lost] = await listGenerations({ status: 'succeeded' });
 * if (lost) await downloadGeneration(lost.id, { outPath: 'recovered.mp4' });
 * ```
 */
export async function downloadGeneration(
  id: string,
  options: DownloadGenerationOptions = {},
): Promise<GenerateVideoResult> {
  const startedAt = Date.now();
  await parseOptions('downloadGeneration', options);
  const ledger = store(options);
  const record = await getGeneration(id, options.ledger === undefined ? {} : { ledger: options.ledger });
  const provider = await resolveProvider(options.provider ?? record.provider, options.providerConfig);
  const outPath = path.resolve(options.outPath ?? record.outPath);
  const journalPath = journalPathFor(outPath);
  const now = new Date().toISOString();
  const journal: Journal = {
    version: 1,
    state: 'submitted',
    provider: record.provider,
    outPath,
    overwrite: options.overwrite === true,
    idempotencyKey: `ledger-${record.id}`,
    fingerprint: `ledger:${record.id}`,
    request: record.request,
    job: record.job,
    warnings: [],
    createdAt: now,
    updatedAt: now,
  };
  await mkdir(path.dirname(outPath), { recursive: true });
  const start = await withOutputLock(outPath, async () => {
    const existing = await readJournal(journalPath);
    if (existing) {
      // An interrupted download of this very job: carry on from its journal and part file.
      if (existing.job?.id === record.job.id && existing.provider === record.provider) return existing;
      throw new VideoGenError(
        `${journalPath} records another job in flight for that output; choose another outPath.`,
        'journal_mismatch',
        { provider: provider.id },
      );
    }
    if (!options.overwrite && (await fileExists(outPath))) {
      throw new OutputExistsError(outPath, { provider: provider.id });
    }
    await writeJournal(journalPath, journal);
    return journal;
  });
  const settings = { ...options, ledger: ledger.dir };
  try {
    const result = await runJournal(
      provider,
      settings,
      start,
      journalPath,
      startedAt,
      async () => {
        throw new VideoGenError('A recorded generation is never submitted again.', 'resubmit_refused');
      },
      true,
    );
    await dropOriginalJournal(record, outPath);
    return result;
  } catch (error) {
    const gone =
      (DownloadError.isInstance(error) && error.code === 'url_expired') ||
      (GenerationFailedError.isInstance(error) && record.status !== 'failed');
    if (!gone) throw error;
    await ledger.write({
      ...record,
      status: 'expired',
      error: { code: 'generation_expired', message: (error as Error).message },
      updatedAt: new Date().toISOString(),
    });
    throw new DownloadError(
      `${record.provider} no longer holds generation ${id} (job ${record.job.id}): ${(error as Error).message.replace(/\.$/, '')}. It would have to be generated again.`,
      { code: 'generation_expired', provider: record.provider, job: record.job, cause: error },
    );
  }
}

/**
 * Once a generation is recovered at another path, the journal its interrupted run left at the
 * original output (same job) has nothing more to do: resuming it would fetch the video a second time.
 */
async function dropOriginalJournal(record: GenerationRecord, recoveredAt: string): Promise<void> {
  const original = path.resolve(record.outPath);
  if (original === recoveredAt) return;
  const journalPath = journalPathFor(original);
  const journal = await readJournal(journalPath).catch(() => undefined);
  if (journal?.job?.id === record.job.id && journal.provider === record.provider)
    await deleteJournal(journalPath);
}
