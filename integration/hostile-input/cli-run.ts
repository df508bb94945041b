// Spawns the built `video-gen` (packages/cli/dist/cli.js) with node, in a clean environment whose
// temp folder, ledger and home all live in the case's own folder.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseDirs } from './case.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/cli/dist/cli.js');

/** How a CLI run ended. */
export interface CliOutcome {
  readonly kind: 'cli';
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a case's CLI: no credentials, no log file, everything under `work`. */
export function cliEnv(dirs: CaseDirs, extra: Record<string, string> = {}): Record<string, string> {
  const home = path.join(dirs.work, 'home');
  const tmp = path.join(dirs.work, 'tmp');
  mkdirSync(home, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    TMPDIR: tmp,
    VIDEO_GEN_LOG_FILE: 'off',
    VIDEO_GEN_HOME: path.join(home, '.video-gen'),
    NO_COLOR: '1',
    ...extra,
  };
}

/** Runs `video-gen args...` in the case's (empty) working directory; killed after `timeoutMs`. */
export function runCli(
  dirs: CaseDirs,
  args: readonly string[],
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<CliOutcome> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: dirs.cwd,
    env: options.env ?? cliEnv(dirs),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ kind: 'cli', code, stdout, stderr: code === null ? `${stderr}\n(killed: hung)` : stderr });
    });
  });
}
