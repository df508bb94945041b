import { open } from 'node:fs/promises';

/**
 * Reads at most the last `maxBytes` of a text file, or `undefined` when it does not exist. ffmpeg's
 * progress and log files grow for the whole render; only their end says where it stands.
 *
 * @example
 * ```ts
 * const tail = await readTail('job/ffmpeg.log', 2000);
 * ```
 */
export async function readTail(file: string, maxBytes: number): Promise<string | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}
