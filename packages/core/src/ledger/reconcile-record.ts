import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { journalPathFor } from '../lifecycle/journal.js';
import type { GenerationRecord } from './generation-record.js';
import type { LedgerStore } from './ledger-store.js';

async function present(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Whether `path` is a regular file, written at or after `since`, that starts like an MP4. */
async function finishedVideoAt(path: string, since: number): Promise<boolean> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch(() => undefined);
  if (!handle) return false;
  try {
    const stats = await handle.stat();
    if (!stats.isFile() || stats.mtimeMs < since) return false;
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return bytesRead === 8 && head.subarray(4, 8).toString('latin1') === 'ftyp';
  } finally {
    await handle.close();
  }
}

/**
 * Completes the bookkeeping of a run that was killed after moving its video into place but before
 * recording it (video-gen 0.1 removed the journal first): a `succeeded` record whose output is a
 * video written since the record was created, with no journal or part file beside it (no run in
 * flight), is marked `downloaded`. Any other record is returned as it is.
 */
export async function reconcileRecord(
  record: GenerationRecord,
  store: LedgerStore,
): Promise<GenerationRecord> {
  if (record.status !== 'succeeded') return record;
  const { outPath } = record;
  if ((await present(journalPathFor(outPath))) || (await present(`${outPath}.part`))) return record;
  if (!(await finishedVideoAt(outPath, Date.parse(record.createdAt) || 0))) return record;
  const reconciled: GenerationRecord = {
    ...record,
    status: 'downloaded',
    updatedAt: new Date().toISOString(),
  };
  await store.write(reconciled).catch(() => undefined);
  return reconciled;
}
