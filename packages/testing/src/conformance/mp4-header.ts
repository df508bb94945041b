import { open } from 'node:fs/promises';

/** The 4 bytes at offset 4 of a file: `ftyp` for an MP4. */
export async function boxTypeAt4(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(8);
    await handle.read(buffer, 0, 8, 0);
    return buffer.subarray(4, 8).toString('latin1');
  } finally {
    await handle.close();
  }
}
