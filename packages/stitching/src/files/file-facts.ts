import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';

/** The SHA-256 of a file's bytes, in hex. */
export async function sha256File(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** A file's size and whether it starts like an MP4 (`ftyp` at byte 4); `undefined` when it does not exist. */
export async function mp4Facts(file: string): Promise<{ bytes: number; isMp4: boolean } | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const bytes = (await handle.stat()).size;
    const head = new Uint8Array(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    const isMp4 = bytesRead === 12 && String.fromCharCode(...head.subarray(4, 8)) === 'ftyp';
    return { bytes, isMp4 };
  } finally {
    await handle.close();
  }
}
