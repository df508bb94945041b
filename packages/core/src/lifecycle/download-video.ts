import { rm, stat } from 'node:fs/promises';
import type { JobRef } from '../contract/job-ref.js';
import { DownloadError } from '../errors/job-errors.js';
import { downloadToFile } from '../http/download-to-file.js';
import { downloadSlots } from '../limits/download-slots.js';
import type { Release } from '../limits/fair-semaphore.js';
import { assertMp4File } from '../media/mp4.js';
import { withRetry } from '../retry/retry-policy.js';
import type { JobRun } from './job-run.js';
import { retryReporter } from './retry-reporter.js';

/**
 * Streams the finished video to `<out>.part` in constant memory, retrying (with Range resume where
 * the server allows) and asking the provider for a fresh URL once when the old one expired.
 * Checks the result is an MP4. Returns the part file's path and size; the output is untouched.
 *
 * Each attempt first takes one of the process's download slots (`limits.maxConcurrentDownloads`,
 * default 8), waiting its turn with the job's timeout stopped, and gives it back before any
 * retry's backoff, so 1000 finished jobs never stream 1000 bodies at once.
 */
export async function downloadVideo(run: JobRun, job: JobRef): Promise<{ partPath: string; bytes: number }> {
  const partPath = `${run.outPath}.part`;
  run.emit({ phase: 'downloading', jobId: job.id, bytes: 0 });
  const downloadOnce = async () => {
    for (let refreshed = false; ; refreshed = true) {
      // Holding a download slot: ahead of the queue, or 8 slots would each wait out the whole line.
      const source = await run.vendorCall(() => run.provider.download(job, run.context), { first: true });
      try {
        await downloadToFile(source, partPath, {
          fetch: run.context.fetch,
          signal: run.context.signal,
          provider: run.provider.id,
          ...(run.settings.maxDownloadBytes === undefined ? {} : { maxBytes: run.settings.maxDownloadBytes }),
          allowLoopback: run.settings.allowLoopbackDownloads ?? false,
          onBytes: (bytes, totalBytes) =>
            run.emit({
              phase: 'downloading',
              jobId: job.id,
              bytes,
              ...(totalBytes ? { totalBytes, progress: bytes / totalBytes } : {}),
            }),
        });
        return;
      } catch (error) {
        // Signed download URLs expire; the provider can mint a fresh one once.
        if (!refreshed && DownloadError.isInstance(error) && error.code === 'url_expired') {
          run.logger.info('download URL expired; asking the provider for a fresh one', { jobId: job.id });
          continue;
        }
        throw error;
      }
    }
  };
  await withRetry(
    async () => {
      const slots = downloadSlots(run.settings.limits?.maxConcurrentDownloads);
      const take = () => slots.acquire(run.context.signal);
      const release: Release = await (run.outsideDeadline ? run.outsideDeadline(take) : take());
      try {
        await downloadOnce();
      } finally {
        release();
      }
    },
    {
      operation: `download of job ${job.id}`,
      provider: run.provider.id,
      policy: run.settings.retry,
      signal: run.context.signal,
      onRetry: retryReporter(run, job.id, 'download'),
    },
  );
  try {
    await assertMp4File(partPath);
  } catch (error) {
    // A body that is not a video (an HTML error page, say) is useless: do not resume it later.
    await rm(partPath, { force: true });
    throw error;
  }
  return { partPath, bytes: (await stat(partPath)).size };
}
