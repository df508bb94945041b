import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  getLibraryLogger,
  getProvider,
  type JobStatus,
  type Journal,
  readJournal,
  VideoGenError,
} from '@video-gen/core';
import { loadPlugins } from '../backend/load-plugins.js';
import { formatPercent } from '../output/format-units.js';
import { writeJsonLine } from '../output/json-output.js';
import { reportError, resumeCommandFor } from '../output/report-error.js';
import { abortOnInterrupt } from '../run/interrupt.js';

/** The flags of `video-gen status`. */
export interface StatusFlags {
  readonly live?: boolean | undefined;
  readonly json?: boolean | undefined;
  readonly plugin?: string[] | undefined;
}

/** A job status as plain JSON (a failed job's error becomes its code and message). */
type LiveStatus =
  | { state: 'queued' | 'running'; progress: number | null }
  | { state: 'succeeded' }
  | { state: 'failed'; error: { code: string; message: string } }
  | { state: 'cancelled' }
  | { state: 'not-submitted' };

function plainStatus(status: JobStatus): LiveStatus {
  switch (status.state) {
    case 'queued':
    case 'running':
      return { state: status.state, progress: status.progress ?? null };
    case 'failed':
      return { state: 'failed', error: { code: status.error.code, message: status.error.message } };
    default:
      return { state: status.state };
  }
}

async function askProvider(journal: Journal): Promise<LiveStatus> {
  if (!journal.job) return { state: 'not-submitted' };
  const provider = await getProvider(journal.provider);
  const interrupt = abortOnInterrupt();
  try {
    const status = await provider.status(journal.job, {
      signal: AbortSignal.any([interrupt.signal, AbortSignal.timeout(60_000)]),
      logger: getLibraryLogger(),
      fetch: globalThis.fetch,
    });
    return plainStatus(status);
  } finally {
    interrupt.dispose();
  }
}

function describeLive(live: LiveStatus): string {
  switch (live.state) {
    case 'queued':
    case 'running':
      return `${live.state}${live.progress === null ? '' : ` ${formatPercent(live.progress)}`}`;
    case 'failed':
      return `failed: ${live.error.message}`;
    case 'not-submitted':
      return 'not submitted: the submit was never confirmed (resume submits it with the same idempotency key)';
    default:
      return live.state;
  }
}

const STATE_MEANING: Record<Journal['state'], string> = {
  submitting: 'submitting (the submit call was made, its answer not recorded)',
  submitted: 'submitted (the job is known; waiting or downloading)',
  downloaded: 'downloaded (the video is complete next to the output; resume moves it into place)',
};

/**
 * `video-gen status <journal> [--live] [--json]`: what a job journal records (state, provider,
 * model, job id, output, times, request) and, with `--live`, what the provider says about the job
 * now. A missing journal whose output exists means the job finished: exit 0.
 */
export async function statusCommand(journal: string, flags: StatusFlags): Promise<number> {
  const journalPath = path.resolve(journal);
  try {
    await loadPlugins(flags.plugin, process.cwd());
    const record = await readJournal(journalPath);
    if (!record) {
      const outPath = journalPath.endsWith('.job.json')
        ? journalPath.slice(0, -'.job.json'.length)
        : undefined;
      if (outPath && existsSync(outPath)) {
        if (flags.json) writeJsonLine({ journal: journalPath, state: 'finished', outPath });
        else process.stdout.write(`No journal: the job finished, its video is ${outPath}\n`);
        return 0;
      }
      throw new VideoGenError(`No job journal at ${journalPath}.`, 'journal_missing');
    }
    const live = flags.live ? await askProvider(record) : undefined;
    const { request } = record;
    if (flags.json) {
      writeJsonLine({
        journal: journalPath,
        state: record.state,
        provider: record.provider,
        model: record.job?.model ?? request.model,
        jobId: record.job?.id ?? null,
        outPath: record.outPath,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        request,
        resume: resumeCommandFor(journalPath),
        ...(live ? { live } : {}),
      });
      return 0;
    }
    const lines = [
      `journal:   ${journalPath}`,
      `state:     ${STATE_MEANING[record.state]}`,
      `provider:  ${record.provider}`,
      `model:     ${record.job?.model ?? request.model}`,
      `job id:    ${record.job?.id ?? '(not known yet)'}`,
      `output:    ${record.outPath}`,
      `created:   ${record.createdAt}`,
      `updated:   ${record.updatedAt}`,
      `request:   ${request.width}x${request.height}, ${request.fps} fps, ${request.durationSeconds} s: ${request.prompt.length > 80 ? `${request.prompt.slice(0, 77)}...` : request.prompt}`,
      ...(live ? [`live:      ${describeLive(live)}`] : []),
      `resume:    ${resumeCommandFor(journalPath)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    return reportError(error, { json: flags.json === true });
  }
}
