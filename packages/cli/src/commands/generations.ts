import { type GenerationRecord, type GenerationStatus, listGenerations } from '@video-gen/core';
import { backendId } from '../backend/backend-aliases.js';
import { writeJsonLine } from '../output/json-output.js';
import { reportError } from '../output/report-error.js';
import { UsageError } from '../usage-error.js';

/** The flags of `video-gen generations`. */
export interface GenerationsFlags {
  readonly backend?: string | undefined;
  readonly status?: string | undefined;
  readonly json?: boolean | undefined;
}

const STATUSES: readonly GenerationStatus[] = ['submitted', 'succeeded', 'downloaded', 'failed', 'expired'];

function line(record: GenerationRecord): string {
  const { request } = record;
  const prompt = request.prompt.length > 48 ? `${request.prompt.slice(0, 45)}...` : request.prompt;
  return [
    record.createdAt.slice(0, 19).replace('T', ' '),
    record.status.padEnd(10),
    record.id,
    `${record.model} ${request.width}x${request.height} ${request.durationSeconds}s`,
    JSON.stringify(prompt),
    record.outPath,
  ].join('  ');
}

/**
 * `video-gen generations [--backend id] [--status s] [--json]` (Python's `--list-artifacts`):
 * every paid generation recorded in the ledger, newest first, so a video whose download failed
 * can be fetched again with `video-gen download <id>` instead of paying twice.
 */
export async function generationsCommand(flags: GenerationsFlags): Promise<number> {
  try {
    const statuses = flags.status?.split(',').map((status) => status.trim()) ?? [];
    const unknown = statuses.filter((status) => !STATUSES.includes(status as GenerationStatus));
    if (unknown.length > 0) {
      throw new UsageError(`Unknown --status ${unknown.join(', ')}: use ${STATUSES.join(', ')}.`);
    }
    const records = await listGenerations({
      ...(flags.backend ? { provider: backendId(flags.backend) } : {}),
      ...(statuses.length > 0 ? { status: statuses as GenerationStatus[] } : {}),
    });
    if (flags.json) {
      writeJsonLine({ generations: records });
    } else if (records.length === 0) {
      process.stdout.write('No generations recorded (with these filters).\n');
    } else {
      process.stdout.write(`${records.map(line).join('\n')}\n`);
    }
    return 0;
  } catch (error) {
    return reportError(error, { json: flags.json === true });
  }
}
