import { ConfigurationError, DEFAULT_PROVIDER_ID } from '@video-gen/core';
import type { QueuedJob, QueuedJobState, VideoQueue } from '@video-gen/queue';
import { backendId } from '../backend/backend-aliases.js';
import { writeJsonLine } from '../output/json-output.js';
import { reportError } from '../output/report-error.js';
import { UsageError } from '../usage-error.js';

/** The flags every queue command takes. */
export interface QueueFlags {
  readonly db?: string | undefined;
  readonly json?: boolean | undefined;
}

/** The flags of `video-gen enqueue`. */
export interface EnqueueFlags extends QueueFlags {
  readonly key?: string | undefined;
  readonly backend?: string | undefined;
  readonly model?: string | undefined;
  readonly size?: { width: number; height: number } | undefined;
  readonly duration?: number | undefined;
}

/** The flags of `video-gen worker`. */
export interface WorkerFlags extends QueueFlags {
  readonly dataDir?: string | undefined;
  readonly concurrency?: number | undefined;
  readonly outDir?: string | undefined;
  readonly limit?: string[] | undefined;
}

const STATES: readonly QueuedJobState[] = [
  'queued',
  'submitting',
  'submitted',
  'succeeded',
  'failed',
  'cancelled',
  'reconcile',
];

/** `@video-gen/queue` is an optional add-on of the CLI, loaded only by the queue commands. */
async function loadQueue(): Promise<typeof import('@video-gen/queue')> {
  try {
    return await import('@video-gen/queue');
  } catch (error) {
    throw new ConfigurationError('The queue commands need @video-gen/queue: npm install @video-gen/queue', {
      cause: error,
    });
  }
}

/** Opens the queue at `--db`, else `VIDEO_GEN_DATABASE_URL`. */
async function openQueue(flags: QueueFlags): Promise<VideoQueue> {
  const connectionString = flags.db ?? process.env.VIDEO_GEN_DATABASE_URL;
  if (!connectionString) {
    throw new UsageError(
      'No queue database: give --db postgres://… or set VIDEO_GEN_DATABASE_URL (`video-gen worker --data-dir <dir>` starts an embedded one and prints its URL).',
    );
  }
  const { createVideoQueue } = await loadQueue();
  return createVideoQueue({ connectionString });
}

/** Runs `work` on an open queue and closes it, reporting errors the CLI's way. */
async function withQueue(flags: QueueFlags, work: (queue: VideoQueue) => Promise<number>): Promise<number> {
  let queue: VideoQueue | undefined;
  try {
    queue = await openQueue(flags);
    return await work(queue);
  } catch (error) {
    return reportError(error, { json: flags.json === true });
  } finally {
    await queue?.close();
  }
}

function line(job: QueuedJob): string {
  const detail = job.outputUri ?? job.error?.message ?? job.vendorJobId ?? '';
  return [
    job.id,
    job.state.padEnd(10),
    job.key,
    job.provider,
    JSON.stringify(job.request.prompt.slice(0, 40)),
    detail,
  ]
    .join('  ')
    .trimEnd();
}

function plain(job: QueuedJob) {
  const { journal: _journal, ...rest } = job;
  return rest;
}

/** `video-gen enqueue "prompt" --key K`: queues a request once per key. */
export function enqueueCommand(prompt: string, flags: EnqueueFlags): Promise<number> {
  return withQueue(flags, async (queue) => {
    if (!flags.key) throw new UsageError('enqueue needs --key <key>: the same key twice is one job.');
    const result = await queue.enqueue(
      {
        provider: backendId(flags.backend ?? DEFAULT_PROVIDER_ID),
        prompt,
        ...(flags.model ? { model: flags.model } : {}),
        ...(flags.size ? { width: flags.size.width, height: flags.size.height } : {}),
        ...(flags.duration === undefined ? {} : { durationSeconds: flags.duration }),
      },
      { key: flags.key },
    );
    if (flags.json) writeJsonLine(result);
    else
      process.stdout.write(
        `${result.id}  ${result.state}${result.created ? '' : '  (already queued with this key)'}\n`,
      );
    return 0;
  });
}

/** `video-gen queue list [--status s]`. */
export function queueListCommand(flags: QueueFlags & { status?: string | undefined }): Promise<number> {
  return withQueue(flags, async (queue) => {
    const status = (flags.status ?? '')
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
    const unknown = status.filter((value) => !STATES.includes(value as QueuedJobState));
    if (unknown.length > 0)
      throw new UsageError(`Unknown --status ${unknown.join(', ')}: use ${STATES.join(', ')}.`);
    const jobs = await queue.list(status.length > 0 ? { status: status as QueuedJobState[] } : {});
    if (flags.json) writeJsonLine(jobs.map(plain));
    else process.stdout.write(jobs.length === 0 ? 'No queued jobs.\n' : `${jobs.map(line).join('\n')}\n`);
    return 0;
  });
}

/** `video-gen queue status <id|key>`. */
export function queueStatusCommand(idOrKey: string, flags: QueueFlags): Promise<number> {
  return withQueue(flags, async (queue) => {
    const job = await queue.get(idOrKey);
    if (!job) throw new UsageError(`No queued job with id or key ${idOrKey}.`);
    if (flags.json) writeJsonLine(plain(job));
    else process.stdout.write(`${line(job)}\n`);
    return 0;
  });
}

/** `video-gen queue cancel <id>`. */
export function queueCancelCommand(id: string, flags: QueueFlags): Promise<number> {
  return withQueue(flags, async (queue) => {
    const state = await queue.cancel(id);
    if (state === undefined) throw new UsageError(`No queued job ${id}.`);
    if (flags.json) writeJsonLine({ id, state });
    else process.stdout.write(`${id}  ${state}\n`);
    return 0;
  });
}

function parseLimits(values: readonly string[] = []): Record<string, number> {
  const limits: Record<string, number> = {};
  for (const value of values) {
    const match = /^([\w.-]+)=(\d+)$/.exec(value);
    if (!match || Number(match[2]) < 1)
      throw new UsageError(`--limit takes provider=N with N ≥ 1, such as runway=2 (got ${value}).`);
    limits[backendId(match[1] as string)] = Number(match[2]);
  }
  return limits;
}

/** `video-gen worker`: runs jobs until SIGINT or SIGTERM, then finishes or hands back the ones in flight. */
export async function workerCommand(flags: WorkerFlags): Promise<number> {
  let queue: VideoQueue | undefined;
  try {
    const jobLimits = parseLimits(flags.limit);
    const { createVideoQueue, folderStorage } = await loadQueue();
    if (flags.dataDir && !flags.db) {
      queue = await createVideoQueue({ embedded: { dataDir: flags.dataDir } });
      process.stderr.write(`queue database: ${queue.connectionString}\n`);
    } else {
      queue = await openQueue(flags);
    }
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.stderr.write(
      'worker started; SIGTERM or Ctrl-C stops it after its jobs are finished or handed back\n',
    );
    try {
      await queue.work({
        concurrency: flags.concurrency ?? 4,
        storage: folderStorage(flags.outDir ?? 'videos'),
        jobLimits,
        signal: stop.signal,
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    return 0;
  } catch (error) {
    return reportError(error, { json: flags.json === true });
  } finally {
    await queue?.close();
  }
}
