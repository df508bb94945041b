import { loadPlugins } from '../backend/load-plugins.js';
import { ExitCode } from '../exit-codes.js';
import { writeJsonLine } from '../output/json-output.js';
import { reportError } from '../output/report-error.js';
import { abortOnInterrupt } from '../run/interrupt.js';
import { openBrowser } from '../run/open-browser.js';

/** The flags of `video-gen studio`. */
export interface StudioFlags {
  readonly port?: number | undefined;
  /** `--no-open` sets it to false. */
  readonly open?: boolean | undefined;
  readonly json?: boolean | undefined;
  readonly plugin?: string[] | undefined;
}

/**
 * `video-gen studio [--port N] [--no-open]`: serves the studio page over the ledger on 127.0.0.1,
 * prints its URL (with the token every request needs) and opens it, until Ctrl-C. Generations the
 * page started are cancelled on the way out; their journals stay, for `video-gen resume`.
 */
export async function studioCommand(flags: StudioFlags): Promise<number> {
  const interrupt = abortOnInterrupt();
  try {
    await loadPlugins(flags.plugin, process.cwd());
    const { startStudio } = await import('@video-gen/studio');
    const studio = await startStudio({ port: flags.port ?? 0 });
    if (flags.json) {
      writeJsonLine({ url: studio.url, port: studio.port });
    } else {
      process.stdout.write(`${studio.url}\n`);
      process.stderr.write(
        'video-gen studio is running on 127.0.0.1 only. The link above carries its token: do not share it. Ctrl-C to stop.\n',
      );
    }
    if (flags.open !== false) openBrowser(studio.url);
    await new Promise<void>((resolve) => {
      if (interrupt.signal.aborted) resolve();
      interrupt.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await studio.close();
    if (!flags.json) process.stderr.write('Studio stopped.\n');
    return ExitCode.Success;
  } catch (error) {
    return reportError(error, { json: flags.json === true });
  } finally {
    interrupt.dispose();
  }
}
