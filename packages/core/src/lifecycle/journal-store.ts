import { deleteJournal, type Journal, readJournal, writeJournal } from './journal.js';

/**
 * Where the lifecycle keeps the journal of a job in flight: the record that says "submitting",
 * then "submitted" with the vendor's job reference, then "downloaded". Core writes it before every
 * step that costs money or could be lost, and a resume reads it back, so a store must make a write
 * durable before its promise resolves (a crash after that finds it).
 *
 * The default, {@link fileJournalStore}, keeps each journal in the file `<outPath>.job.json` beside
 * the output. A store may keep it anywhere else (`@video-gen/queue` keeps it in the job's Postgres
 * row, so every worker of a fleet sees the submit the moment it is recorded); journals are keyed by
 * that same path, which names the output the journal drives.
 */
export interface JournalStore {
  /** The journal kept under `journalPath`; `undefined` when there is none. */
  read(journalPath: string): Promise<Journal | undefined>;
  /** Keeps `journal` under `journalPath`, replacing the one before, durably, before resolving. */
  write(journalPath: string, journal: Journal): Promise<void>;
  /** Forgets the journal under `journalPath` (its job is finished, failed or was refused). */
  remove(journalPath: string): Promise<void>;
}

/**
 * The journal store core uses unless told otherwise: one file per job, `<outPath>.job.json`, written
 * atomically (a crash leaves the old journal or the new one, never half of one), mode 0600.
 */
export const fileJournalStore: JournalStore = Object.freeze({
  read: readJournal,
  write: writeJournal,
  remove: deleteJournal,
});

/** The journal store of a generation's settings: the caller's, else the file store. */
export function journalStoreOf(settings: { readonly journalStore?: JournalStore | undefined }): JournalStore {
  return settings.journalStore ?? fileJournalStore;
}
