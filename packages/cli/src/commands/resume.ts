import { existsSync } from 'node:fs';
import path from 'node:path';
import { resumeVideo } from '@video-gen/core';
import { loadPlugins, pluginArgs } from '../backend/load-plugins.js';
import { outputFormatFor, printResult } from '../output/print-result.js';
import { reportError } from '../output/report-error.js';
import { withProgress } from '../run/with-progress.js';

/** The flags of `video-gen resume`. */
export interface ResumeFlags {
  readonly json?: boolean | undefined;
  readonly events?: boolean | undefined;
  readonly timeout?: number | undefined;
  readonly force?: boolean | undefined;
  readonly plugin?: string[] | undefined;
}

/**
 * `video-gen resume <journal>`: picks up the job a journal (`<out>.job.json`) records — after
 * Ctrl-C, a timeout, a crash or a failed download — polls it, downloads the video and writes the
 * output. The job is never submitted a second time.
 */
export async function resumeCommand(journal: string, flags: ResumeFlags): Promise<number> {
  const format = outputFormatFor(flags);
  const journalPath = path.resolve(journal);
  try {
    await loadPlugins(flags.plugin, process.cwd());
    const result = await withProgress(format, ({ signal, onProgress }) =>
      resumeVideo(journalPath, {
        signal,
        onProgress,
        ...(flags.timeout !== undefined ? { timeoutMs: Math.round(flags.timeout * 1000) } : {}),
        ...(flags.force ? { overwrite: true } : {}),
      }),
    );
    printResult(result, format);
    return 0;
  } catch (error) {
    return reportError(error, {
      json: format !== 'human',
      journalPath: existsSync(journalPath) ? journalPath : undefined,
      resumeArgs: pluginArgs(flags.plugin),
    });
  }
}
