import type { JobRef } from '../contract/job-ref.js';
import type { GenerationWarning } from '../contract/request.js';
import type { Journal } from '../lifecycle/journal.js';
import type { Logger } from '../log/logger.js';
import { type GenerationRecord, generationId } from './generation-record.js';
import { type GenerationStore, isGenerationStore, type LedgerSetting } from './generation-store.js';
import { defaultLedgerDir } from './ledger-location.js';
import { LedgerStore } from './ledger-store.js';

/** Records a job's progress in the ledger. Never throws: a ledger that cannot be written is a warning. */
export interface LedgerRecorder {
  record(
    journal: Journal,
    job: JobRef,
    changes: Pick<GenerationRecord, 'status'> & Partial<Pick<GenerationRecord, 'usage' | 'error'>>,
  ): Promise<void>;
  /** Warnings to add to the result (at most one). */
  readonly warnings: readonly GenerationWarning[];
}

/** The ledger store for a `ledger` option: a folder, a store, `false` for none, or the default location. */
export function ledgerStoreFor(ledger: LedgerSetting | undefined): GenerationStore | undefined {
  if (ledger === false) return undefined;
  if (isGenerationStore(ledger)) return ledger;
  return new LedgerStore(ledger ?? defaultLedgerDir());
}

/** How a ledger is named in a warning: its folder, or "the ledger store" for a store. */
export function describeLedger(store: GenerationStore): string {
  return store instanceof LedgerStore ? store.dir : 'the configured ledger store';
}

/** A recorder writing to the ledger chosen by the `ledger` option. */
export function ledgerRecorder(ledger: LedgerSetting | undefined, logger: Logger): LedgerRecorder {
  const store = ledgerStoreFor(ledger);
  const warnings: GenerationWarning[] = [];
  return {
    warnings,
    async record(journal, job, changes) {
      if (!store) return;
      const id = generationId(job);
      try {
        const now = new Date().toISOString();
        // A corrupt record is replaced by this fresh one rather than blocking every update.
        const previous = await store.read(id).catch((error: unknown) => {
          if ((error as { code?: string }).code === 'generation_corrupt') return undefined;
          throw error;
        });
        await store.write({
          version: 1,
          id,
          provider: job.provider,
          model: job.model,
          job,
          request: journal.request,
          outPath: journal.outPath,
          // A download of a recorded generation has no estimate of its own: the recorded one stays.
          ...((journal.costEstimate ?? previous?.costEstimate)
            ? { costEstimate: journal.costEstimate ?? previous?.costEstimate }
            : {}),
          createdAt: previous?.createdAt ?? now,
          ...(previous?.usage ? { usage: previous.usage } : {}),
          // When the vendor finished: the poll schedule's duration prior for the model is built from these.
          ...(changes.status === 'succeeded'
            ? { succeededAt: now }
            : previous?.succeededAt
              ? { succeededAt: previous.succeededAt }
              : {}),
          // An undefined field (usage not reported this time) must not erase what was recorded.
          ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
          status: changes.status,
          updatedAt: now,
        });
      } catch (error) {
        logger.warn('the generation ledger could not be written', {
          ledger: describeLedger(store),
          error: String(error),
        });
        if (warnings.length === 0) {
          warnings.push({
            type: 'other',
            feature: 'ledger',
            message: `The generation ledger at ${describeLedger(store)} could not be written (${String(error)}); this generation is not recorded there.`,
          });
        }
      }
    },
  };
}
