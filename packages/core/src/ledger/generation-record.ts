import type { JobRef } from '../contract/job-ref.js';
import type { JobUsage } from '../contract/job-status.js';
import type { CostEstimate } from '../cost/estimate-cost.js';
import type { JournalRequest } from '../lifecycle/journal.js';

/** Where a recorded generation stands. */
export type GenerationStatus = 'submitted' | 'succeeded' | 'downloaded' | 'failed' | 'expired';

/**
 * One paid generation in the ledger: enough to list it, and to download its video again while
 * the vendor still holds it.
 */
export interface GenerationRecord {
  readonly version: 1;
  /** The ledger id: `<provider>_<job id>`, safe as a file name. */
  readonly id: string;
  readonly provider: string;
  readonly model: string;
  readonly job: JobRef;
  readonly status: GenerationStatus;
  /** What was asked for: prompt, size, duration, images. */
  readonly request: JournalRequest;
  /** Where the video was (or is to be) written. */
  readonly outPath: string;
  /** Usage or cost the vendor reported (`usage.cost`: the actual charge, where the vendor reports one). */
  readonly usage?: JobUsage | undefined;
  /** The estimate made before the submit, from the model's price table (absent for records written before estimates, or for models without a known price). */
  readonly costEstimate?: CostEstimate | undefined;
  /** Why it failed or expired. */
  readonly error?: { readonly code: string; readonly message: string } | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When the job was first seen finished at the vendor (ISO 8601); absent before, and in older records. */
  readonly succeededAt?: string | undefined;
}

/** The ledger id of a job: `<provider>_<job id>` with anything unsafe in a file name replaced. */
export function generationId(job: JobRef): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  // Long vendor ids (Veo operation names) keep their distinctive tail.
  return `${safe(job.provider)}_${safe(job.id).slice(-64)}`;
}
