// Runs the built CLI under the current runtime (Node, Bun or Deno) for one small local
// generation with --json, and checks the JSON and the file; then the generation ledger: `list
// --json` finds it, and a job left undownloaded (by --timeout) is fetched with `download <id> -o`
// without a new submit. Prints "ok cli <bytes>" last.
//   node packages/cli/runtime-check.mjs
//   bun packages/cli/runtime-check.mjs
//   deno run -A --node-modules-dir=manual packages/cli/runtime-check.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build in packages/cli first.`);

// The CLI runs under the same runtime as this script, so this checks the CLI on that runtime.
const deno = globalThis.Deno;
const [command, prefix] = deno
  ? [deno.execPath(), ['run', '-A', '--node-modules-dir=manual']]
  : [process.execPath, []];
const runtime = deno
  ? `deno ${deno.version.deno}`
  : process.versions.bun
    ? `bun ${process.versions.bun}`
    : `node ${process.versions.node}`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-cli-runtime-'));
try {
  const out = path.join(dir, 'check.mp4');
  const env = { ...process.env, VIDEO_GEN_LOG_FILE: 'off', VIDEO_GEN_HOME: path.join(dir, 'home') };
  // Only the local provider: a vendor key in the environment must not turn a check into a paid call.
  const args = [
    cli,
    'a runtime check',
    '--backend',
    'local',
    '--size',
    '160x96',
    '--duration',
    '1',
    '--fps',
    '12',
    '-o',
    out,
    '--json',
  ];
  const cliRun = (cliArgs, expected = 0) => {
    const run = spawnSync(command, [...prefix, cli, ...cliArgs], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (run.status !== expected) {
      throw new Error(
        `video-gen ${cliArgs.join(' ')} exited ${run.status ?? run.signal} (expected ${expected}) under ${runtime}\n${run.stdout}\n${run.stderr}`,
      );
    }
    return run;
  };
  const run = cliRun(args.slice(1));
  const result = JSON.parse(run.stdout);
  const problems = [];
  if (result.path !== out) problems.push(`path ${result.path}, expected ${out}`);
  if (result.provider !== 'local' || result.model !== 'local-v1')
    problems.push(`provider ${result.provider}/${result.model}`);
  if (result.size !== '160x96' || result.fps !== 12 || result.durationSeconds !== 1)
    problems.push(`settings ${result.size} ${result.fps} ${result.durationSeconds}`);
  if (!existsSync(out)) problems.push('no output file');
  else if (statSync(out).size !== result.bytes)
    problems.push(`file has ${statSync(out).size} bytes, JSON says ${result.bytes}`);
  if (existsSync(`${out}.job.json`)) problems.push('the journal was left behind');

  // The ledger: `list --json` prints an array holding the generation just made.
  const listed = JSON.parse(cliRun(['list', '--json']).stdout);
  const made = Array.isArray(listed) ? listed.find((record) => record.job?.id === result.jobId) : undefined;
  if (!made) problems.push(`list --json did not show job ${result.jobId}: ${JSON.stringify(listed)}`);
  else if (made.status !== 'downloaded')
    problems.push(`list --json says ${made.status}, expected downloaded`);

  // A job paid for but not downloaded: --timeout 1 stops waiting on a render that takes longer
  // (exit 6); `download <id> -o <other path>` then finishes it without submitting it again.
  cliRun(
    [
      'a slow runtime check',
      '--backend',
      'local',
      '--size',
      '1280x720',
      '--duration',
      '6',
      '-o',
      'slow.mp4',
      '--timeout',
      '1',
    ],
    6,
  );
  const pending = JSON.parse(cliRun(['list', '--json', '--status', 'submitted,succeeded']).stdout);
  if (pending.length !== 1) problems.push(`list --status submitted,succeeded gave ${pending.length} records`);
  else {
    const again = path.join(dir, 'recovered', 'again.mp4');
    const fetched = JSON.parse(cliRun(['download', pending[0].id, '-o', again, '--json']).stdout);
    if (fetched.path !== again || fetched.jobId !== pending[0].job.id)
      problems.push(`download printed ${fetched.path} / ${fetched.jobId}`);
    if (!existsSync(again) || statSync(again).size !== fetched.bytes || fetched.bytes < 1000)
      problems.push(
        `download wrote ${existsSync(again) ? statSync(again).size : 'no'} bytes, JSON says ${fetched.bytes}`,
      );
    const all = JSON.parse(cliRun(['list', '--json']).stdout);
    if (all.length !== 2) problems.push(`the ledger holds ${all.length} generations, expected 2`);
    if (all.find((record) => record.id === pending[0].id)?.status !== 'downloaded')
      problems.push('the downloaded generation is not marked downloaded');
  }
  if (problems.length > 0) throw new Error(`CLI check failed under ${runtime}: ${problems.join('; ')}`);
  console.log(`cli under ${runtime}: ${result.path}; list and download ok`);
  console.log(`ok cli ${result.bytes}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
