import {
  defaultLedgerDir,
  type GenerationRecord,
  type GenerationStatus,
  listGenerations,
  recordCost,
  sumCosts,
} from '@video-gen/core';
import { backendId } from '../backend/backend-aliases.js';
import { cliCommand } from '../output/cli-command.js';
import { formatAmount } from '../output/format-cost.js';
import { writeJsonLine } from '../output/json-output.js';
import { reportError } from '../output/report-error.js';
import { UsageError } from '../usage-error.js';

/** The flags of `video-gen list` (also `generations` and `--list-artifacts`). */
export interface ListFlags {
  readonly backend?: string | undefined;
  readonly status?: string | undefined;
  /** An ISO time, already parsed from `--since` by {@link parseSince}. */
  readonly since?: string | undefined;
  readonly json?: boolean | undefined;
  /** `--sum`: add the total spend per unit (a line per unit; with `--json`, `{ generations, total }`). */
  readonly sum?: boolean | undefined;
}

/** Every status a recorded generation can have, in lifecycle order. */
export const GENERATION_STATUSES: readonly GenerationStatus[] = [
  'submitted',
  'succeeded',
  'downloaded',
  'failed',
  'expired',
];

function parseStatuses(value: string | undefined): GenerationStatus[] {
  const statuses = (value ?? '')
    .split(',')
    .map((status) => status.trim().toLowerCase())
    .filter((status) => status !== '');
  const unknown = statuses.filter((status) => !GENERATION_STATUSES.includes(status as GenerationStatus));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown --status ${unknown.join(', ')}: use ${GENERATION_STATUSES.join(', ')} (comma-separated for several).`,
    );
  }
  return statuses as GenerationStatus[];
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

/** The COST cell: what the vendor reported, or `~` and the estimate made before the submit. */
function costCell(record: GenerationRecord): string {
  const cost = recordCost(record);
  if (!cost) return '—';
  return `${cost.actual ? '' : '~'}${formatAmount(cost.amount, cost.unit)}`;
}

/** The `--sum` lines: one per unit, saying how much of it is estimated. */
function totalLines(records: readonly GenerationRecord[]): string[] {
  const totals = Object.entries(sumCosts(records));
  if (totals.length === 0) return ['total: no cost recorded for these generations'];
  return totals.map(([unit, total]) => {
    const costs = records.map(recordCost).filter((cost) => cost?.unit === unit);
    const estimated = costs.filter((cost) => !cost!.actual).length;
    const how =
      estimated === 0
        ? 'as reported by the vendor'
        : estimated === costs.length
          ? 'estimated before the submit'
          : `${formatAmount(total!.actual, unit)} reported by the vendor, ~${formatAmount(total!.estimated, unit)} estimated`;
    return `total: ${formatAmount(total!.amount, unit)} over ${total!.generations} ${total!.generations === 1 ? 'generation' : 'generations'} (${how})`;
  });
}

function table(records: readonly GenerationRecord[]): string {
  const rows = records.map((record) => [
    record.id,
    record.status,
    record.createdAt.slice(0, 16).replace('T', ' '),
    `${record.provider}/${record.model}`,
    `${record.request.width}x${record.request.height} ${record.request.durationSeconds}s`,
    costCell(record),
    JSON.stringify(shorten(record.request.prompt, 40)),
    record.outPath,
  ]);
  const header = ['ID', 'STATUS', 'CREATED (UTC)', 'PROVIDER/MODEL', 'VIDEO', 'COST', 'PROMPT', 'OUTPUT'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  return [header, ...rows]
    .map((row) =>
      row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  '),
    )
    .join('\n');
}

/** What to say under the table: how to get back a video that was paid for but is not on disk. */
function nextSteps(records: readonly GenerationRecord[]): string[] {
  const recoverable = records.filter(
    (record) => record.status === 'succeeded' || record.status === 'submitted',
  );
  if (recoverable.length === 0) return [];
  return [
    '',
    `${recoverable.length} ${recoverable.length === 1 ? 'generation was' : 'generations were'} paid for but not downloaded. Download one (no new charge) with:`,
    `  ${cliCommand('download', recoverable[0]!.id)} -o <file.mp4>`,
  ];
}

/**
 * `video-gen list [--backend id] [--status s1,s2] [--since date] [--sum] [--json]` (also
 * `generations`, and Python's `--list-artifacts`): every generation recorded in the ledger, newest
 * first, with its cost (reported by the vendor, or `~` and the estimate), so a video whose download
 * failed can be fetched again with `video-gen download <id>` instead of paying twice. `--json`
 * prints a JSON array of the ledger records; with `--sum`, `{ generations, total }` where `total`
 * is the spend per unit (see docs/costs.md).
 */
export async function listCommand(flags: ListFlags): Promise<number> {
  try {
    const statuses = parseStatuses(flags.status);
    const filtered = flags.backend !== undefined || statuses.length > 0 || flags.since !== undefined;
    const records = await listGenerations({
      ...(flags.backend !== undefined ? { provider: backendId(flags.backend) } : {}),
      ...(statuses.length > 0 ? { status: statuses } : {}),
      ...(flags.since !== undefined ? { since: flags.since } : {}),
    });
    if (flags.json) {
      writeJsonLine(flags.sum ? { generations: records, total: sumCosts(records) } : records);
    } else if (records.length === 0) {
      const all = filtered ? (await listGenerations()).length : 0;
      process.stdout.write(
        filtered && all > 0
          ? `No generations match these filters (${all} recorded; run video-gen list without filters to see them).\n`
          : `No generations recorded yet (ledger: ${defaultLedgerDir()}).\n`,
      );
      if (flags.sum) process.stdout.write(`${totalLines(records).join('\n')}\n`);
    } else {
      process.stdout.write(`${table(records)}\n`);
      if (flags.sum) process.stdout.write(`${totalLines(records).join('\n')}\n`);
      const steps = nextSteps(records);
      if (steps.length > 0) process.stderr.write(`${steps.join('\n')}\n`);
    }
    return 0;
  } catch (error) {
    return reportError(error, { json: flags.json === true });
  }
}
