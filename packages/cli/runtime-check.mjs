// Runs the built CLI under the current runtime (Node, Bun or Deno) for one small local
// generation with --json, and checks the JSON and the file. Prints "ok cli <bytes>" last.
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
  const run = spawnSync(command, [...prefix, ...args], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) {
    throw new Error(
      `the CLI exited ${run.status ?? run.signal} under ${runtime}\n${run.stdout}\n${run.stderr}`,
    );
  }
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
  if (problems.length > 0) throw new Error(`CLI check failed under ${runtime}: ${problems.join('; ')}`);
  console.log(`cli under ${runtime}: ${result.path}`);
  console.log(`ok cli ${result.bytes}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
