import { spawn } from 'node:child_process';
import { resolveFfprobe } from '../ffmpeg/resolve-ffmpeg.js';

/**
 * The duration ffprobe reads from a video's bytes, for the one case the pure-JS header reader
 * cannot answer: a fragmented MP4 whose `moov` declares no length (`empty_moov`, no `mehd`).
 * Undefined when ffprobe is not installed or cannot tell.
 */
export async function probeDuration(bytes: Uint8Array): Promise<number | undefined> {
  let binary: string;
  try {
    binary = resolveFfprobe().path;
  } catch {
    return undefined;
  }
  return new Promise((resolve) => {
    const child = spawn(
      binary,
      ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', '-i', 'pipe:0'],
      { stdio: ['pipe', 'pipe', 'ignore'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', () => resolve(undefined));
    child.on('close', () => {
      const seconds = Number.parseFloat(out.trim());
      resolve(Number.isFinite(seconds) && seconds > 0 ? seconds : undefined);
    });
    // ffprobe may stop reading once it knows enough: a closed pipe is not an error here.
    child.stdin.on('error', () => {});
    child.stdin.end(bytes);
  });
}
