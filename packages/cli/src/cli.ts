import { setTimeout } from 'node:timers';
import { ExitCode } from './exit-codes.js';
import { runCli } from './program.js';
import { configureCliLogging } from './run/cli-logging.js';

// `video-gen models | head -1` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(ExitCode.Success);
  throw error;
});

configureCliLogging();
let code: number;
try {
  code = await runCli(process.argv.slice(2));
} catch (error) {
  // Commands report their own errors; anything reaching here is a bug in the CLI itself.
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nThis looks like a bug in video-gen: please report it with the lines above.\n`,
  );
  code = ExitCode.Unexpected;
}
process.exitCode = code;
// Exit once output is flushed; if a stray handle (a child's pipe, a timer) still holds the event
// loop, do not hang the user's shell on it.
setTimeout(() => process.exit(code), 1500).unref();
