import { spawn } from 'node:child_process';
import { CancelledError } from '@video-gen/core';

/** What a finished ffmpeg or ffprobe run left behind. */
export interface ToolRun {
  readonly code: number | null;
  readonly stdout: string;
  /** The end of stderr: enough for the error ffmpeg printed last, bounded so a chatty run cannot fill memory. */
  readonly stderr: string;
}

const STDERR_LIMIT = 16 * 1024;

/**
 * Runs ffmpeg or ffprobe to completion. Never throws for a non-zero exit (callers know what the
 * failure means for their input); throws a CancelledError when `signal` aborts, after killing it.
 */
export function runTool(binary: string, args: readonly string[], signal?: AbortSignal): Promise<ToolRun> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_LIMIT);
    });
    const onAbort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted)
        reject(new CancelledError('Cancelled while ffmpeg was running.', { cause: signal.reason }));
      else resolve({ code, stdout, stderr });
    });
  });
}

/** The last non-empty line ffmpeg wrote to stderr: usually the reason it failed. */
export function lastLine(stderr: string): string {
  return (
    stderr
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .at(-1) ?? '(no output)'
  );
}
