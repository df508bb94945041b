import type { GenerationRecord } from './generation-record.js';
import { LedgerStore } from './ledger-store.js';

/**
 * Where the generation ledger keeps its records: one record per generation, keyed by its `id`,
 * rewritten as the job moves on (submitted, succeeded, downloaded, failed). Give one as the
 * `ledger` setting to record generations somewhere other than a folder (`@video-gen/queue` keeps
 * them in Postgres, beside its jobs). A folder path (the default, `VIDEO_GEN_HOME/ledger`) keeps
 * one JSON file per record.
 */
export interface GenerationStore {
  /** One record; `undefined` when there is none. */
  read(id: string): Promise<GenerationRecord | undefined>;
  /** Writes one record, replacing the one before with the same id. */
  write(record: GenerationRecord): Promise<void>;
  /** Every record (the poll schedule learns each model's usual duration from them). */
  all(): Promise<GenerationRecord[]>;
}

/** The `ledger` setting: a folder, a store, or `false` to record nothing. */
export type LedgerSetting = string | false | GenerationStore;

/** Whether a `ledger` value is a store rather than a folder or `false`. */
export function isGenerationStore(value: unknown): value is GenerationStore {
  if (typeof value !== 'object' || value === null) return false;
  const { read, write, all } = value as Record<string, unknown>;
  return typeof read === 'function' && typeof write === 'function' && typeof all === 'function';
}

/**
 * The ledger store core uses for a folder: one JSON file per record, each written atomically.
 * What `ledger: dir` means; given as a value, it can be wrapped (to copy records elsewhere, say).
 */
export function fileGenerationStore(dir: string): GenerationStore {
  return new LedgerStore(dir);
}
