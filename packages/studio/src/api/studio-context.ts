import type { JobSource } from '../jobs/job-board.js';
import type { FrameCache } from '../media/frame-cache.js';

/** What the routes share: where the ledger is, the jobs, the frame cache. */
export interface StudioContext {
  readonly ledger: string;
  readonly outDir: string;
  readonly providerConfig: Readonly<Record<string, unknown>>;
  readonly jobs: JobSource;
  readonly frames: FrameCache;
}

/** The config given for one provider id, if any. */
export function configFor(context: StudioContext, provider: string): unknown {
  return Object.hasOwn(context.providerConfig, provider) ? context.providerConfig[provider] : undefined;
}
