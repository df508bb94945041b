import { randomUUID } from 'node:crypto';
import type { GenerateVideoResult, ProgressEvent } from '@video-gen/core';

/** What started a job in the studio. */
export type StudioJobKind = 'generate' | 'resume' | 'download';

/** A job as the page shows it. */
export interface StudioJob {
  readonly id: string;
  readonly kind: StudioJobKind;
  readonly prompt: string;
  readonly provider: string;
  readonly outPath: string;
  readonly state: 'running' | 'succeeded' | 'failed' | 'cancelled';
  /** The last progress event of the lifecycle. */
  readonly progress?: ProgressEvent | undefined;
  readonly error?: { readonly code: string; readonly message: string } | undefined;
  /** The ledger id once known. */
  readonly generationId?: string | undefined;
  readonly startedAt: string;
  readonly updatedAt: string;
}

/** The lifecycle call a job runs: core's generateVideo, resumeVideo or downloadGeneration. */
export type JobWork = (hooks: {
  signal: AbortSignal;
  onProgress: (event: ProgressEvent) => void;
}) => Promise<GenerateVideoResult>;

/**
 * Where the studio's running jobs live. Today the in-process {@link JobBoard} (jobs the page
 * started, run by core's lifecycle in this process); the queue (issue #19) will provide another
 * implementation over its store, so the page and the server routes do not change.
 */
export interface JobSource {
  list(): StudioJob[];
  /** Calls `listener` with each job whose state or progress changes; returns the unsubscribe. */
  subscribe(listener: (job: StudioJob) => void): () => void;
  start(
    description: Pick<StudioJob, 'kind' | 'prompt' | 'provider' | 'outPath' | 'generationId'>,
    work: JobWork,
  ): StudioJob;
  cancel(id: string): boolean;
  /** Whether a job of this source is writing that output now. */
  isRunning(outPath: string): boolean;
  /** Cancels every running job; resolves once they have stopped. */
  close(): Promise<void>;
}

// The ledger's id of a job, as core's ledger writes it (`<provider>_<job id>`, made safe as a file name).
function ledgerId(provider: string, jobId: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe(provider)}_${safe(jobId).slice(-64)}`;
}

function describeError(error: unknown): { code: string; message: string } {
  const code = (error as { code?: unknown })?.code;
  return {
    code: typeof code === 'string' ? code : 'error',
    message: error instanceof Error ? error.message : String(error),
  };
}

/** Finished jobs kept for the page; older ones are dropped. */
const MAX_FINISHED = 100;

/** Jobs run in this process by core's lifecycle, with their progress events fanned out to listeners. */
export class JobBoard implements JobSource {
  private readonly jobs = new Map<string, StudioJob>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly listeners = new Set<(job: StudioJob) => void>();

  list(): StudioJob[] {
    return [...this.jobs.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  subscribe(listener: (job: StudioJob) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(id: string, change: Partial<StudioJob>): void {
    const job = this.jobs.get(id);
    if (!job) return;
    const next: StudioJob = { ...job, ...change, updatedAt: new Date().toISOString() };
    this.jobs.set(id, next);
    for (const listener of this.listeners) listener(next);
    if (next.state !== 'running') this.prune();
  }

  private prune(): void {
    const finished = this.list().filter((job) => job.state !== 'running');
    for (const job of finished.slice(MAX_FINISHED)) this.jobs.delete(job.id);
  }

  start(
    description: Pick<StudioJob, 'kind' | 'prompt' | 'provider' | 'outPath' | 'generationId'>,
    work: JobWork,
  ): StudioJob {
    const now = new Date().toISOString();
    const job: StudioJob = {
      ...description,
      id: randomUUID(),
      state: 'running',
      startedAt: now,
      updatedAt: now,
    };
    const controller = new AbortController();
    this.jobs.set(job.id, job);
    this.controllers.set(job.id, controller);
    const run = work({
      signal: controller.signal,
      onProgress: (event) =>
        this.update(job.id, {
          progress: event,
          ...(event.jobId !== undefined && job.generationId === undefined
            ? { generationId: ledgerId(event.provider, event.jobId) }
            : {}),
        }),
    }).then(
      (result) => this.update(job.id, { state: 'succeeded', outPath: result.path }),
      (error: unknown) =>
        this.update(job.id, {
          state: controller.signal.aborted ? 'cancelled' : 'failed',
          error: describeError(error),
        }),
    );
    this.running.set(
      job.id,
      run.finally(() => {
        this.controllers.delete(job.id);
        this.running.delete(job.id);
      }),
    );
    for (const listener of this.listeners) listener(job);
    return job;
  }

  cancel(id: string): boolean {
    const controller = this.controllers.get(id);
    if (!controller) return false;
    controller.abort(new Error('Cancelled from the studio.'));
    return true;
  }

  isRunning(outPath: string): boolean {
    return [...this.jobs.values()].some((job) => job.state === 'running' && job.outPath === outPath);
  }

  async close(): Promise<void> {
    for (const controller of this.controllers.values()) controller.abort(new Error('The studio closed.'));
    await Promise.allSettled([...this.running.values()]);
  }
}
