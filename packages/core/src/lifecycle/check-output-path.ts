import type { Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { OutputExistsError, ValidationError } from '../errors/validation-error.js';

/** The longest name the library puts beside an output: the journal's temporary file, `<out>.job.json.<16 hex>.tmp`. */
const LONGEST_ADDED_SUFFIX = '.job.json.0123456789abcdef.tmp';

/** The longest file name, in bytes, of the file systems in use (ext4, APFS, NTFS, ...). */
const MAX_NAME_BYTES = 255;

const utf8 = new TextEncoder();

function code(error: unknown): string | undefined {
  return (error as { code?: string }).code;
}

function refuse(message: string, errorCode: string, provider: string | undefined): ValidationError {
  return new ValidationError(message, {
    code: errorCode,
    provider,
    issues: [{ field: 'outPath', message }],
  });
}

/** The nearest existing ancestor of `folder` that is not a folder, if any: a file in the way of the output's folder. */
async function blockingAncestor(folder: string): Promise<string | undefined> {
  for (let current = folder; ; current = path.dirname(current)) {
    try {
      return (await stat(current)).isDirectory() ? undefined : current;
    } catch (error) {
      // ENOTDIR: a file further up; ENOENT: not created yet. Anything else is for the mkdir to report.
      if (code(error) !== 'ENOENT' && code(error) !== 'ENOTDIR') return undefined;
    }
    if (path.dirname(current) === current) return undefined;
  }
}

async function entryAt(outPath: string): Promise<Stats | undefined> {
  try {
    return await lstat(outPath);
  } catch {
    // Nothing there (or a file further up, reported by checkOutputLocation); other errors are the writer's to report.
    return undefined;
  }
}

/**
 * Checks, before anything else is read or written, that a video can ever be written at `outPath`
 * (absolute): its name leaves room for the names the library adds beside it, no folder is at the
 * name (`output_not_file`), and no file sits where its folder must be (`output_not_directory`).
 *
 * @throws {ValidationError} on `outPath`.
 */
export async function checkOutputLocation(outPath: string, provider?: string): Promise<void> {
  const name = path.basename(outPath);
  const nameBytes = utf8.encode(name).byteLength;
  if (nameBytes + LONGEST_ADDED_SUFFIX.length > MAX_NAME_BYTES) {
    throw refuse(
      `The output file name is too long: ${nameBytes} bytes, and the files video-gen writes beside it (such as ${name.slice(0, 12)}…${LONGEST_ADDED_SUFFIX}) need ${LONGEST_ADDED_SUFFIX.length} more, over the ${MAX_NAME_BYTES}-byte limit of file names. Give outPath a name of at most ${MAX_NAME_BYTES - LONGEST_ADDED_SUFFIX.length} bytes.`,
      'output_name_too_long',
      provider,
    );
  }
  if ((await entryAt(outPath))?.isDirectory()) {
    throw refuse(
      `The output path ${outPath} is a folder; outPath must name a file, such as ${path.join(outPath, 'video.mp4')}.`,
      'output_not_file',
      provider,
    );
  }
  const blocking = await blockingAncestor(path.dirname(outPath));
  if (blocking !== undefined) {
    throw refuse(
      `Cannot create the folder of ${outPath}: ${blocking} is a file, not a folder. Move it away or choose another outPath.`,
      'output_not_directory',
      provider,
    );
  }
}

/**
 * Checks that nothing is at `outPath` unless `overwrite`: a file, or any link, even a dangling
 * one, is an {@link OutputExistsError}. Looked at without following links: with `overwrite` the
 * link itself is replaced by the video, never its target.
 *
 * @throws {OutputExistsError}
 */
export async function checkOutputFree(outPath: string, overwrite: boolean, provider?: string): Promise<void> {
  if (!overwrite && (await entryAt(outPath)) !== undefined)
    throw new OutputExistsError(outPath, { provider });
}
