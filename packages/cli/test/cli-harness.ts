import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveFfmpeg, resolveFfprobe } from '@video-gen/core/ffmpeg';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The built CLI that the bin loads. */
export const CLI = path.join(packageDir, 'dist', 'cli.js');

/** The committed bin that npm links as `video-gen`. */
export const BIN = path.join(packageDir, 'bin', 'video-gen.js');

if (!existsSync(CLI)) {
  throw new Error(`${CLI} is missing: run \`npm run build\` in packages/cli before these tests.`);
}

// A `video-gen` link to the bin in a folder that cleanEnv puts first on PATH: the tests run the CLI
// as a user with it on PATH does, so its hints print `video-gen …`. One folder per checkout.
function linkOnPath(): string {
  const tag = createHash('sha256').update(BIN).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `video-gen-cli-bin-${tag}`);
  mkdirSync(dir, { recursive: true });
  const link = path.join(dir, 'video-gen');
  try {
    symlinkSync(BIN, link);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return link;
}

/** The `video-gen` on the tests' PATH (a link to {@link BIN}). */
export const CLI_ON_PATH = linkOnPath();

/** What a finished CLI run printed, and how it exited. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * An environment with no vendor credentials and no file logging: only what a shell needs, plus
 * `extra`. The ledger goes to `home` so tests never touch the user's data folder.
 */
export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: [path.dirname(CLI_ON_PATH), process.env.PATH ?? ''].join(path.delimiter),
    HOME: home,
    TMPDIR: os.tmpdir(),
    VIDEO_GEN_LOG_FILE: 'off',
    VIDEO_GEN_HOME: path.join(home, '.video-gen'),
    NO_COLOR: '1',
    ...extra,
  };
}

/** Starts the CLI in `cwd`; the caller reads its output and waits with {@link finished}. */
export function startCli(args: readonly string[], cwd: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [CLI_ON_PATH, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Waits for a started CLI and collects its output. */
export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs the CLI to completion. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string>): Promise<CliRun> {
  return finished(startCli(args, cwd, env));
}

/** A temporary working folder, removed by the returned cleanup. */
export async function tempFolder(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'video-gen-cli-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The width, height, frame rate and duration of a video, read by ffprobe. */
export function probeVideo(file: string): { width: number; height: number; fps: string; duration: number } {
  const result = spawnSync(
    resolveFfprobe().path,
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=width,height,r_frame_rate:format=duration',
      '-of',
      'json',
      file,
    ],
    { encoding: 'utf8' },
  );
  const parsed = JSON.parse(result.stdout) as {
    streams: { width: number; height: number; r_frame_rate: string }[];
    format: { duration: string };
  };
  const [stream] = parsed.streams;
  if (!stream) throw new Error(`no video stream in ${file}`);
  return {
    width: stream.width,
    height: stream.height,
    fps: stream.r_frame_rate,
    duration: Number(parsed.format.duration),
  };
}

/** Writes a one-colour PNG with ffmpeg: an input image for tests. */
export function writePng(file: string, width: number, height: number, color = 'red'): void {
  const result = spawnSync(
    resolveFfmpeg().path,
    ['-v', 'error', '-y', '-f', 'lavfi', '-i', `color=${color}:s=${width}x${height}`, '-frames:v', '1', file],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`ffmpeg could not write ${file}: ${result.stderr}`);
}

/** Parses stdout as JSON lines. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The small, fast render every generation test uses. */
export const SMALL = ['--backend', 'local', '--size', '160x96', '--duration', '1', '--fps', '12'] as const;
