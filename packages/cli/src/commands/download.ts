import path from 'node:path';
import { downloadGeneration, getGeneration, listGenerations, VideoGenError } from '@video-gen/core';
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
}

// The Python CLI took the vendor's task id; the ledger's own id is `<provider>_<job id>`. Take both.
async function ledgerId(id: string): Promise<string> {
  try {
    return (await getGeneration(id)).id;
  } catch (error) {
    if (!VideoGenError.isInstance(error) || error.code !== 'generation_not_found') throw error;
    const byJob = (await listGenerations()).filter((record) => record.job.id === id);
    if (byJob.length === 1) return byJob[0]!.id;
    throw error;
  }
}

/**
 * `video-gen download <id> [-o path] [--force]` (Python's `--download TASK_ID`): downloads a
 * recorded generation's video again without submitting anything, while the vendor still holds it.
 */
export async function downloadCommand(id: string, flags: DownloadFlags): Promise<number> {
  const format = outputFormatFor(flags);
  try {
    const resolved = await ledgerId(id);
    const result = await withProgress(format, ({ signal, onProgress }) =>
      downloadGeneration(resolved, {
        signal,
        onProgress,
        ...(flags.output !== undefined ? { outPath: path.resolve(flags.output) } : {}),
        ...(flags.force ? { overwrite: true } : {}),
        ...(flags.timeout !== undefined ? { timeoutMs: Math.round(flags.timeout * 1000) } : {}),
      }),
    );
    printResult(result, format);
    return 0;
  } catch (error) {
    return reportError(error, { json: format !== 'human' });
  }
}
