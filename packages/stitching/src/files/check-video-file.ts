import { stat } from 'node:fs/promises';
import { InputFileError } from '@video-gen/core';

/**
 * Checks that a video path names a non-empty file, so a typo gets a plain message instead of
 * ffmpeg's. Whether it really is a video is ffmpeg's to say.
 *
 * @throws {InputFileError} `input_file_missing`, `input_file_unreadable` or `input_file_empty`.
 */
export async function checkVideoFile(file: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new InputFileError(`Video not found: ${file}`, file, {
        code: 'input_file_missing',
        cause: error,
      });
    }
    throw new InputFileError(`Video cannot be read: ${file} (${code ?? 'unknown error'})`, file, {
      code: 'input_file_unreadable',
      cause: error,
    });
  }
  if (!info.isFile()) {
    throw new InputFileError(`Video path is not a file: ${file}`, file, { code: 'input_file_unreadable' });
  }
  if (info.size === 0) {
    throw new InputFileError(`Video is empty (0 bytes): ${file}`, file, { code: 'input_file_empty' });
  }
}
