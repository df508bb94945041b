import { DEFAULT_PROVIDER_ID, DEFAULT_TIMEOUT_MS } from '@video-gen/core';
import { Argument, Command, CommanderError, Option } from 'commander';
import { DEFAULT_SEQUENCE_DIR } from './commands/sequence-dir.js';
import { EXIT_CODE_TABLE, ExitCode } from './exit-codes.js';
import type { GenerateFlags } from './options/generate-flags.js';
import { parseLoop } from './options/loop.js';
import { parseMaxCost } from './options/parse-max-cost.js';
import { seconds, wholeNumber } from './options/parse-number.js';
import { collectProviderOption } from './options/parse-provider-option.js';
import { parseSince } from './options/parse-since.js';
import { parseSize } from './options/parse-size.js';
import { cliCommand } from './output/cli-command.js';
import { writeJsonLine } from './output/json-output.js';
import { CLI_VERSION } from './version.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

// Each command's code (and what it needs: stitching, globbing, the progress bar, …) is loaded when
// that command runs, so starting the CLI costs only the parser (issue 16: spawn to submit ≤ 150 ms).
const doctorCommand: typeof import('./commands/doctor.js').doctorCommand = async (...args) =>
  (await import('./commands/doctor.js')).doctorCommand(...args);
const downloadCommand: typeof import('./commands/download.js').downloadCommand = async (...args) =>
  (await import('./commands/download.js')).downloadCommand(...args);
const generateCommand: typeof import('./commands/generate.js').generateCommand = async (...args) =>
  (await import('./commands/generate.js')).generateCommand(...args);
const listCommand: typeof import('./commands/list.js').listCommand = async (...args) =>
  (await import('./commands/list.js')).listCommand(...args);
const modelsCommand: typeof import('./commands/models.js').modelsCommand = async (...args) =>
  (await import('./commands/models.js')).modelsCommand(...args);
const resumeCommand: typeof import('./commands/resume.js').resumeCommand = async (...args) =>
  (await import('./commands/resume.js')).resumeCommand(...args);
const statusCommand: typeof import('./commands/status.js').statusCommand = async (...args) =>
  (await import('./commands/status.js')).statusCommand(...args);
const stitchCommand: typeof import('./commands/stitch.js').stitchCommand = async (...args) =>
  (await import('./commands/stitch.js')).stitchCommand(...args);
const studioCommand: typeof import('./commands/studio.js').studioCommand = async (...args) =>
  (await import('./commands/studio.js')).studioCommand(...args);
const loginCommand: typeof import('./commands/login.js').loginCommand = async (...args) =>
  (await import('./commands/login.js')).loginCommand(...args);
const logoutCommand: typeof import('./commands/login.js').logoutCommand = async (...args) =>
  (await import('./commands/login.js')).logoutCommand(...args);

const queueCommands = () => import('./commands/queue.js');

// Defaults are read from the code that applies them, so --help cannot drift from the behaviour.
const TIMEOUT_DEFAULT = `${DEFAULT_TIMEOUT_MS / 1000} s`;

// The examples start the CLI the way the user did (`video-gen`, `npx --no-install video-gen`, …).
function examples(): string {
  const cli = cliCommand();
  return `
Examples:
  ${cli} "a red kite over the sea"                       offline local render (no API key needed)
  ${cli} "waves at sunset" --backend veo3 --size 1280x720 --duration 8 -o waves.mp4
  ${cli} "she turns around" -i 'shots/*.png' --dry-run   check the request, pay nothing
  ${cli} --stitch -p "clip one" "clip two" --concat film.mp4
  ${cli} resume waves.mp4.job.json                      finish a job after Ctrl-C or a timeout
  ${cli} list --status succeeded                         paid for, never downloaded
  ${cli} download local_1b2c3d -o kite.mp4               download a recorded generation again
  ${cli} models --backend local
  ${cli} studio                                          review, play and start generations in a local page
  ${cli} doctor

Exit codes:
${EXIT_CODE_TABLE.map((row) => `  ${String(row.code).padStart(3)}  ${row.meaning}`).join('\n')}
`;
}

/**
 * Builds the `video-gen` command line. `setExitCode` receives each command's exit code (the
 * program itself never calls `process.exit`, so output is flushed and tests can drive it).
 */
export function createProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('video-gen')
    .description('Generate videos from a prompt and images with AI video providers, from a terminal.')
    .usage('"prompt" [options]   |   --stitch -p "clip 1" "clip 2" ... [options]   |   <command>')
    .version(CLI_VERSION, '-V, --version', 'print the CLI version')
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .showHelpAfterError(`(run ${cliCommand('--help')} for usage)`)
    .exitOverride()
    .argument('[prompt]', 'what the video shows')
    .option('-i, --images <paths...>', 'images: paths, URLs, globs (quote them) or comma-separated lists')
    .option(
      '--video <path|url>',
      'an input video (MP4 or MOV) to edit, extend or follow, for models that take one (see `video-gen models`)',
    )
    .addOption(
      new Option(
        '--video-use <use>',
        "what the model does with --video (default: the model's first use)",
      ).choices(['edit', 'extend', 'reference']),
    )
    .option(
      '-b, --backend <id>',
      `provider: local, sora2, azure-sora, veo3, runway, or a plugin id (default: ${DEFAULT_PROVIDER_ID}; vendor credentials never choose one by themselves)`,
    )
    .addOption(
      new Option(
        '--provider <id>',
        'alias of --backend (Python CLI names openai, azure, google work too)',
      ).hideHelp(),
    )
    .option('-m, --model <id>', "model id or alias (default: the provider's first model that is not retired)")
    .option(
      '--allow-retired',
      'send the request even when the vendor has retired the model (accounts with extended access)',
    )
    .option('--size <WxH>', 'size in pixels, such as 1280x720', parseSize)
    .option('--width <px>', 'width in pixels (with --height)', wholeNumber('--width', 1, '1280'))
    .option('--height <px>', 'height in pixels (with --width)', wholeNumber('--height', 1, '720'))
    .option('--fps <n>', 'frames per second', wholeNumber('--fps', 1, '24'))
    .option('--duration <seconds>', 'length in seconds', seconds('--duration', 0, '8'))
    .option('--seed <n>', 'seed, for models that honour one', wholeNumber('--seed', 0, '42'))
    .option('--negative-prompt <text>', 'what to avoid, for models that take it')
    .option('--audio', 'ask for an audio track (models that can)')
    .option('--no-audio', 'ask for no audio track')
    .option(
      '--loop [true|false]',
      'ask for a seamless loop, where the provider supports it (a warning otherwise)',
      parseLoop,
    )
    .option(
      '-o, --output <path>',
      'output file (default: a new video-<provider>-<time>.mp4 in the current folder)',
    )
    .option('-f, --force', 'overwrite an existing output file')
    .option(
      '--dry-run',
      'validate and print the request and its cost estimate; no paid call, no file written',
    )
    .option(
      '--max-cost <amount>',
      "refuse before any paid call when the estimate is above this: in the model's unit (2.5) or with it (2.5USD, 50credits); with --stitch, for the whole sequence",
      parseMaxCost,
    )
    .option('--json', 'print one JSON object (the result, or {"error":…}) on stdout')
    .option('--events', 'print progress events as JSON lines on stdout, then the result')
    .option(
      '--timeout <seconds>',
      `give up waiting after this long (default: ${TIMEOUT_DEFAULT}; the job keeps its journal)`,
      seconds('--timeout', 1, '1800'),
    )
    .option(
      '--provider-option <key=value>',
      'an option of the chosen provider (its providerOptions), such as fitInputReference=cover (repeatable)',
      collectProviderOption,
    )
    .option('--plugin <module>', 'load a third-party provider plugin (repeatable)', collect)
    .option('--stitch', 'generate several clips, each starting on the last frame of the one before')
    .option('-p, --prompts <prompts...>', 'with --stitch: one prompt (or prompt .txt file) per clip')
    .option('--concat <path>', 'with --stitch: join the clips into this file')
    .option('--resume', 'with --stitch: keep clips already made in --out-dir')
    .option('--delay <seconds>', 'with --stitch: wait between clips', seconds('--delay', 0, '5'))
    .option(
      '--out-dir <dir>',
      `with --stitch: where the clips go (default: <concat file>.clips with --concat, else ./${DEFAULT_SEQUENCE_DIR})`,
    )
    .option('--list-models [backend]', 'same as `video-gen models [--backend id]`')
    .addOption(new Option('--list-artifacts', 'same as `video-gen list` (Python CLI name)').hideHelp())
    .addOption(
      new Option('--status <status>', 'with --list-artifacts: as `video-gen list --status`').hideHelp(),
    )
    .addOption(
      new Option('--since <date>', 'with --list-artifacts: as `video-gen list --since`')
        .argParser((value: string) => parseSince(value))
        .hideHelp(),
    )
    .addOption(
      new Option('--download <id>', 'same as `video-gen download <id>` (Python CLI name)').hideHelp(),
    )
    .addHelpText('after', examples)
    .action(async (prompt: string | undefined, flags: GenerateFlags) => {
      if (flags.listArtifacts) {
        setExitCode(
          await listCommand({
            backend: flags.backend ?? flags.provider,
            status: flags.status,
            since: flags.since,
            json: flags.json,
          }),
        );
        return;
      }
      if (flags.download !== undefined) {
        setExitCode(await downloadCommand(flags.download, flags));
        return;
      }
      if (flags.listModels !== undefined) {
        const backend = typeof flags.listModels === 'string' ? flags.listModels : undefined;
        setExitCode(await modelsCommand({ backend, json: flags.json, plugin: flags.plugin }));
        return;
      }
      const stitching = flags.stitch === true || (flags.prompts !== undefined && prompt === undefined);
      setExitCode(stitching ? await stitchCommand(prompt, flags) : await generateCommand(prompt, flags));
    });

  program
    .command('models')
    .description("list each installed provider's models and what they accept")
    .option('-b, --backend <id>', 'only this provider')
    .option('--json', 'print JSON')
    .option('--plugin <module>', 'load a third-party provider plugin (repeatable)', collect)
    .action(async (flags) => setExitCode(await modelsCommand(flags)));

  program
    .command('doctor')
    .description('check providers, credentials (set or not, never values), ffmpeg, and the output folder')
    .option('-o, --output <path>', 'the output file or folder to check (default: the current folder)')
    .option('--json', 'print JSON')
    .option('--plugin <module>', 'load a third-party provider plugin (repeatable)', collect)
    .action(async (flags) => setExitCode(await doctorCommand(flags)));

  program
    .command('login')
    .description('log in to a service in the browser; `login google` caches a token for Veo on Vertex AI')
    .addArgument(new Argument('<service>', 'the service').choices(['google']))
    .option(
      '--client-id <id>',
      'the OAuth client id of your "Desktop app" client (default: VIDEO_GEN_GOOGLE_CLIENT_ID)',
    )
    .option('--client-secret <secret>', 'its client secret (default: VIDEO_GEN_GOOGLE_CLIENT_SECRET)')
    .option('--open', 'also open the login page in the default browser')
    .option(
      '--timeout <seconds>',
      'stop waiting for the browser after this long (default: 300 s)',
      seconds('--timeout', 1, '300'),
    )
    .option('--json', 'print one JSON object on stdout')
    .action(async (_service: string, flags) => setExitCode(await loginCommand(flags)));

  program
    .command('logout')
    .description('remove a cached login (and revoke it when the service is reachable)')
    .addArgument(new Argument('<service>', 'the service').choices(['google']))
    .option('--json', 'print one JSON object on stdout')
    .action(async (_service: string, flags) => setExitCode(await logoutCommand(flags)));

  program
    .command('resume')
    .description('finish the job a journal (<output>.job.json) records, without submitting it again')
    .argument('<journal>', 'the .job.json file next to the output')
    .option(
      '--timeout <seconds>',
      `give up waiting after this long (default: ${TIMEOUT_DEFAULT})`,
      seconds('--timeout', 1, '1800'),
    )
    .option('-f, --force', 'overwrite an existing output file')
    .option('--json', 'print one JSON object on stdout')
    .option('--events', 'print progress events as JSON lines on stdout, then the result')
    .option('--plugin <module>', 'load a third-party provider plugin (repeatable)', collect)
    .action(async (journal: string, flags) => setExitCode(await resumeCommand(journal, flags)));

  program
    .command('status')
    .description("show what a job journal records; --live also asks the provider for the job's state")
    .argument('<journal>', 'the .job.json file next to the output')
    .option('--live', "ask the provider for the job's current state")
    .option('--json', 'print JSON')
    .option('--plugin <module>', 'load a third-party provider plugin (repeatable)', collect)
    .action(async (journal: string, flags) => setExitCode(await statusCommand(journal, flags)));

  program
    .command('list')
    .alias('generations')
    .description('list the generations recorded in the ledger, newest first (Python: --list-artifacts)')
    .option('-b, --backend <id>', 'only this provider')
    .addOption(new Option('--provider <id>', 'alias of --backend').hideHelp())
    .option(
      '--status <status>',
      'only these: submitted, succeeded, downloaded, failed, expired (comma-separated)',
    )
    .option(
      '--since <date>',
      'only those created since a date (2026-11-01) or a span (12h, 7d)',
      (value: string) => parseSince(value),
    )
    .option(
      '--sum',
      'add the total cost per unit (USD, credits): reported where the vendor reports it, else estimated',
    )
    .option('--json', 'print a JSON array of the ledger records ({ generations, total } with --sum)')
    .action(async (flags) =>
      setExitCode(await listCommand({ ...flags, backend: flags.backend ?? flags.provider })),
    );

  program
    .command('download')
    .description("download a recorded generation's video again, without paying again (Python: --download)")
    .argument('<id>', 'the ledger id from `video-gen list` (or the vendor job id)')
    .option('-o, --output <path>', 'where to write it (default: the path recorded for it)')
    .option('-f, --force', 'overwrite an existing output file')
    .option(
      '--timeout <seconds>',
      `give up waiting after this long (default: ${TIMEOUT_DEFAULT})`,
      seconds('--timeout', 1, '600'),
    )
    .option('--json', 'print one JSON object on stdout')
    .option('--events', 'print progress events as JSON lines on stdout, then the result')
    .option('--plugin <module>', 'load a third-party provider plugin (repeatable)', collect)
    .action(async (id: string, flags) => setExitCode(await downloadCommand(id, flags)));

  program
    .command('studio')
    .description('open a local web page over the ledger: watch, play, resume and start generations')
    .option('--port <n>', 'the port on 127.0.0.1 (default: a free one)', wholeNumber('--port', 0, '4173'))
    .option('--no-open', 'print the URL only; do not open a browser')
    .option('--json', 'print {"url","port"} as one JSON line')
    .option('--plugin <module>', 'load a third-party provider plugin (repeatable)', collect)
    .action(async (flags) => setExitCode(await studioCommand(flags)));

  program
    .command('enqueue')
    .description('queue a request in the job queue (@video-gen/queue); the same --key twice is one job')
    .argument('<prompt>', 'what the video shows')
    .requiredOption('--key <key>', 'your key for this job: enqueueing it again answers with the first job')
    .option('-b, --backend <id>', `provider (default: ${DEFAULT_PROVIDER_ID})`)
    .option('-m, --model <id>', "model id or alias (default: the provider's first model)")
    .option('--size <WxH>', 'size in pixels, such as 1280x720', parseSize)
    .option('--duration <seconds>', 'length in seconds', seconds('--duration', 0, '8'))
    .option('--db <url>', 'the queue database (default: VIDEO_GEN_DATABASE_URL)')
    .option('--json', 'print JSON')
    .action(async (prompt: string, flags) =>
      setExitCode(await (await queueCommands()).enqueueCommand(prompt, flags)),
    );

  const queue = program.command('queue').description('inspect and cancel jobs of the job queue');
  queue
    .command('list')
    .description('list queued jobs, newest first')
    .option(
      '--status <states>',
      'only these: queued, submitting, submitted, succeeded, failed, cancelled, reconcile',
    )
    .option('--db <url>', 'the queue database (default: VIDEO_GEN_DATABASE_URL)')
    .option('--json', 'print a JSON array')
    .action(async (flags) => setExitCode(await (await queueCommands()).queueListCommand(flags)));
  queue
    .command('status')
    .description('show one queued job')
    .argument('<id|key>', 'the job id, or your key')
    .option('--db <url>', 'the queue database (default: VIDEO_GEN_DATABASE_URL)')
    .option('--json', 'print JSON')
    .action(async (id: string, flags) =>
      setExitCode(await (await queueCommands()).queueStatusCommand(id, flags)),
    );
  queue
    .command('cancel')
    .description('cancel a queued job (at the vendor too, for a job in flight)')
    .argument('<id>', 'the job id')
    .option('--db <url>', 'the queue database (default: VIDEO_GEN_DATABASE_URL)')
    .option('--json', 'print JSON')
    .action(async (id: string, flags) =>
      setExitCode(await (await queueCommands()).queueCancelCommand(id, flags)),
    );

  program
    .command('worker')
    .description('run queued jobs until SIGTERM or Ctrl-C (then finish or hand back the ones in flight)')
    .option('--db <url>', 'the queue database (default: VIDEO_GEN_DATABASE_URL)')
    .option(
      '--data-dir <dir>',
      'without --db: start an embedded Postgres in this folder (its URL is printed)',
    )
    .option('--concurrency <n>', 'jobs at once (default: 4)', wholeNumber('--concurrency', 1, '4'))
    .option('--out-dir <dir>', 'where finished videos go (default: ./videos)')
    .option(
      '--limit <provider=n>',
      'jobs of a provider at once in the whole fleet, such as runway=2 (repeatable)',
      collect,
    )
    .option('--json', 'print errors as JSON')
    .action(async (flags) => setExitCode(await (await queueCommands()).workerCommand(flags)));

  return program;
}

/**
 * Runs the CLI with the given arguments (without the runtime and script) and returns the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2));
 * ```
 */
export async function runCli(args: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.Success;
  const program = createProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; every parsing error is bad usage (commander says 1).
      if (error.exitCode === 0) return ExitCode.Success;
      // Commander printed the message on stderr; a script asking for JSON gets it on stdout too.
      if (args.includes('--json') || args.includes('--events')) {
        writeJsonLine({
          error: {
            code: error.code,
            message: error.message.replace(/^error: /, ''),
            exitCode: ExitCode.Usage,
          },
        });
      }
      return ExitCode.Usage;
    }
    throw error;
  }
}
