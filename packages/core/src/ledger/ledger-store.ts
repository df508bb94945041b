import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GenerationRecord } from './generation-record.js';

/**
 * The ledger on disk: one JSON file per generation, each written atomically (temporary file, then
 * rename). Two processes never write the same file, so concurrent generations cannot lose or
 * corrupt each other's entries, and no lock is needed.
 */
export class LedgerStore {
  constructor(readonly dir: string) {}

  private file(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }

  /** Reads one record; `undefined` when there is none. */
  async read(id: string): Promise<GenerationRecord | undefined> {
    try {
      return JSON.parse(await readFile(this.file(id), 'utf8')) as GenerationRecord;
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Writes one record atomically. */
  async write(record: GenerationRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temporary = path.join(this.dir, `.${record.id}.${randomUUID().slice(0, 8)}.tmp`);
    await writeFile(temporary, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, this.file(record.id));
  }

  /** Every record; unreadable files are skipped (a half-written temporary never has the `.json` name). */
  async all(): Promise<GenerationRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return [];
      throw error;
    }
    const records = await Promise.all(
      names
        .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
        .map((name) => this.read(name.slice(0, -'.json'.length)).catch(() => undefined)),
    );
    return records.filter((record): record is GenerationRecord => record?.version === 1);
  }

  /** Removes a record; returns whether there was one. */
  async remove(id: string): Promise<boolean> {
    const existed = (await this.read(id)) !== undefined;
    await rm(this.file(id), { force: true });
    return existed;
  }
}
