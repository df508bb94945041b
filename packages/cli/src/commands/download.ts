import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { downloadGeneration, getGeneration, listGenerations, VideoGenError } from '@video-gen/core';
import { loadPlugins } from '../backend/load-plugins.js';
import { outputFormatFor, printResult } from '../output/print-result.js';
import { reportError } from '../output/report-error.js';
import { withProgress } from '../run/with-progress.js';

/** The flags of `video-gen download`. */
export interface DownloadFlags {
  readonly output?: string | undefined;
  readonly force?: boolean | undefined;
  readonly timeout?: number | undefined;
  readonly json?: boolean | undefined;
  readonly events?: boolean | undefined;
  readonly plugin?: string[] | undefined;
}

// Not (or not yet) a ledger id: perhaps a vendor job id, which may hold `/` (Veo operation names).
const NOT_A_LEDGER_ID = new Set(['generation_not_found', 'invalid_generation_id']);

// The Python CLI took the vendor's task id; the ledger's own id is `<provider>_<job id>`. Take both.
async function ledgerId(id: string): Promise<string> {
  try {
    return (await getGeneration(id)).id;
  } catch (error) {
    if (!VideoGenError.isInstance(error) || !NOT_A_LEDGER_ID.has(error.code)) throw error;
    const byJob = (await listGenerations()).filter((record) => record.job.id === id);
    if (byJob.length === 1) return byJob[0]!.id;
    throw error;
  }
}

/**
 * `video-gen download <id> [-o path] [--force]` (Python's `--download TASK_ID`): downloads a
 * recorded generation's video again without submitting anything, while the vendor still holds it.
 * An unknown id exits 2; a video the vendor no longer holds exits 7 (`generation_expired`), and
 * the ledger marks it `expired`.
 */
export async function downloadCommand(id: string, flags: DownloadFlags): Promise<number> {
  const format = outputFormatFor(flags);
  try {
    await loadPlugins(flags.plugin, process.cwd());
    const resolved = await ledgerId(id);
    const outPath = flags.output !== undefined ? path.resolve(flags.output) : undefined;
    // As a generation does, write into a folder that does not exist yet (core's downloadGeneration
    // expects it to exist).
    if (outPath !== undefined) await mkdir(path.dirname(outPath), { recursive: true });
    const result = await withProgress(format, ({ signal, onProgress }) =>
      downloadGeneration(resolved, {
        signal,
        onProgress,
        ...(outPath !== undefined ? { outPath } : {}),
        ...(flags.force ? { overwrite: true } : {}),
        ...(flags.timeout !== undefined ? { timeoutMs: Math.round(flags.timeout * 1000) } : {}),
      }),
    );
    printResult(result, format, 'Downloaded again (no new job)');
    return 0;
  } catch (error) {
    return reportError(error, { json: format !== 'human' });
  }
}
