import type { Journal, JournalStore } from '@video-gen/core';
import type { Pool } from 'pg';
import { commit } from './commit.js';
import { FINAL_STATES } from './job-record.js';

/**
 * The journal of one queued job, kept in its `video_gen_jobs` row instead of a file: core's
 * lifecycle writes it there before the submit (`submitting`), right after it (`submitted`, with the
 * vendor's job reference: from then on every worker resumes the job and none submits it), and
 * after the download (`downloaded`). The row's state follows. Each write is retried until the
 * database takes it (a Postgres restart is waited out).
 *
 * The journal is read back with this worker's own output path, so a job another worker began
 * (on another machine, in another folder) resumes here. A removed journal stays in the row as the
 * job's record: the row's state, set when the job ends, says it is over.
 */
export function rowJournalStore(
  pool: Pool,
  jobId: string,
  outPath: string,
  giveUp: AbortSignal,
): JournalStore {
  return {
    async read() {
      const rows = await commit<{ journal: Journal | null }>(
        pool,
        'SELECT journal FROM video_gen_jobs WHERE id = $1',
        [jobId],
        giveUp,
      );
      const journal = rows[0]?.journal;
      return journal ? { ...journal, outPath } : undefined;
    },
    async write(_journalPath, journal) {
      await commit(
        pool,
        `UPDATE video_gen_jobs SET journal = $2, job_ref = COALESCE($3, job_ref), updated_at = now(),
           state = CASE WHEN state = ANY($5) THEN state WHEN $4 = 'submitting' THEN 'submitting' ELSE 'submitted' END
         WHERE id = $1`,
        [
          jobId,
          JSON.stringify(journal),
          journal.job ? JSON.stringify(journal.job) : null,
          journal.state,
          FINAL_STATES,
        ],
        giveUp,
      );
    },
    async remove() {},
  };
}
