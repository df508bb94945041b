import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { VideoGenError } from '../errors/video-gen-error.js';
import { fileOps } from '../fs/file-ops.js';
import { describeIssues } from '../lifecycle/journal-schema.js';
import { readStateFile } from '../lifecycle/read-state-file.js';
import { getLibraryLogger } from '../log/library-logger.js';
import type { Logger } from '../log/logger.js';
import { assertGenerationId } from './generation-id.js';
import type { GenerationRecord } from './generation-record.js';
import { generationRecordSchema } from './generation-record-schema.js';

/** Records are small; anything larger is not one. */
const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * The ledger on disk: one JSON file per generation, each written atomically (a temporary file
 * with a random name, created exclusively, then renamed into place). Two processes never write the
 * same file, so concurrent generations cannot lose or corrupt each other's entries, and no lock is
 * needed. Ids are checked against the ledger's own id format before any path is built, so no id
 * reads, writes or deletes anything outside the ledger folder.
 */
export class LedgerStore {
  constructor(
    readonly dir: string,
    /** Where skipped records are reported. Default: the library logger at the time of the call. */
    private readonly logger?: Logger,
  ) {}

  private file(id: string): string {
    assertGenerationId(id);
    return path.join(this.dir, `${id}.json`);
  }

  /**
   * Reads one record; `undefined` when there is none. A record that is not valid JSON or fails the
   * record schema (or is not a regular file) is a VideoGenError with code `generation_corrupt`.
   */
  async read(id: string): Promise<GenerationRecord | undefined> {
    const file = this.file(id);
    // A link at a record's name is not followed: nothing outside the ledger is read.
    const read = await readStateFile(file, { maxBytes: MAX_RECORD_BYTES, followLinks: false });
    if (read.kind === 'missing') return undefined;
    if (read.kind === 'not-file') throw corrupt(file, id, `it is ${read.what}`);
    if (read.kind === 'too-large') throw corrupt(file, id, `it is ${read.bytes} bytes`);
    let value: unknown;
    try {
      value = JSON.parse(read.text);
    } catch (error) {
      throw corrupt(file, id, 'it is not valid JSON', error);
    }
    const parsed = (await generationRecordSchema()).safeParse(value);
    if (!parsed.success) throw corrupt(file, id, describeIssues(parsed.error));
    if (parsed.data.id !== id) throw corrupt(file, id, `it records the id "${parsed.data.id}"`);
    return parsed.data as GenerationRecord;
  }

  /**
   * Writes one record atomically. The temporary file gets a random name and is created with `wx`
   * (O_EXCL), so a planted link or file is never written through; the rename then replaces
   * whatever sits at the record's name (a link itself, never its target).
   */
  async write(record: GenerationRecord): Promise<void> {
    const file = this.file(record.id);
    // Through fileOps: a moment without a free file descriptor is waited out, not a lost record.
    await fileOps.mkdir(this.dir, { recursive: true });
    const temporary = path.join(this.dir, `.${record.id}.${randomUUID()}.tmp`);
    await fileOps.writeFile(temporary, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    try {
      await fileOps.rename(temporary, file);
    } catch (error) {
      await fileOps.rm(temporary, { force: true });
      throw error;
    }
  }

  /**
   * Every valid record. Unreadable or malformed records are skipped with a warning, so one bad
   * file never hides the rest of the ledger (a half-written temporary never has the `.json` name).
   */
  async all(): Promise<GenerationRecord[]> {
    let names: string[];
    try {
      names = await fileOps.readdir(this.dir);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return [];
      throw error;
    }
    const records = await Promise.all(
      names
        .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
        .map((name) => name.slice(0, -'.json'.length))
        .map(async (id) => {
          try {
            return await this.read(id);
          } catch (error) {
            (this.logger ?? getLibraryLogger()).warn('skipped a ledger record that cannot be read', {
              file: path.join(this.dir, `${id}.json`),
              error: error instanceof Error ? error.message : String(error),
            });
            return undefined;
          }
        }),
    );
    return records.filter((record): record is GenerationRecord => record !== undefined);
  }

  /** Removes a record (even a corrupt one); returns whether there was one. */
  async remove(id: string): Promise<boolean> {
    const file = this.file(id);
    try {
      await fileOps.lstat(file);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return false;
      throw error;
    }
    await fileOps.rm(file, { force: true });
    return true;
  }
}

function corrupt(file: string, id: string, why: string, cause?: unknown): VideoGenError {
  return new VideoGenError(
    `The ledger record ${file} is not a valid generation record (${why}). Delete that file to drop generation "${id}" from the ledger.`,
    'generation_corrupt',
    cause === undefined ? {} : { cause },
  );
}
