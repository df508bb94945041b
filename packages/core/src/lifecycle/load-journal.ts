import path from 'node:path';
import { VideoGenError } from '../errors/video-gen-error.js';
import type { Journal } from './journal.js';
import { describeIssues, journalSchema } from './journal-schema.js';
import { fileJournalStore, type JournalStore } from './journal-store.js';

/**
 * A journal given as a path (read from disk) or as the value {@link startVideo} returned (kept by the
 * caller, in a database say): checked against the version 1 schema either way, since a value from
 * elsewhere is untrusted.
 */
export async function loadJournal(
  input: string | Journal,
  journals: JournalStore = fileJournalStore,
): Promise<Journal> {
  if (typeof input === 'string') {
    const absolute = path.resolve(input);
    const journal = await journals.read(absolute);
    if (!journal) throw new VideoGenError(`No job journal at ${absolute}.`, 'journal_missing');
    return journal;
  }
  const parsed = (await journalSchema()).safeParse(input);
  if (!parsed.success) {
    throw new VideoGenError(
      `The journal given is not a valid video-gen journal (${describeIssues(parsed.error)}).`,
      'journal_corrupt',
    );
  }
  const journal = parsed.data as Journal;
  if (!path.isAbsolute(journal.outPath)) {
    throw new VideoGenError(
      `The journal given names the output ${journal.outPath}, which is not an absolute path.`,
      'journal_corrupt',
    );
  }
  return journal;
}
