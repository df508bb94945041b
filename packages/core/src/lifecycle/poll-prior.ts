import type { JobRef } from '../contract/job-ref.js';
import type { VideoProvider } from '../contract/video-provider.js';
import type { GenerationStore, LedgerSetting } from '../ledger/generation-store.js';
import { ledgerStoreFor } from '../ledger/ledger-recorder.js';
import { LedgerStore } from '../ledger/ledger-store.js';

/** A prior from the ledger needs this many observed durations; fewer, and the model's own figure is used. */
const MIN_OBSERVED = 3;

/**
 * Observed vendor durations per `provider/model`, per ledger: read once per process. A folder is
 * keyed by its path (each `ledger: dir` makes a fresh file store), any other store by itself.
 */
const observed = new Map<string | GenerationStore, Promise<Map<string, number[]>>>();

const keyOf = (provider: string, model: string) => `${provider}/${model}`;

/** The middle value (the lower middle for an even count). */
function median(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

async function readObserved(store: GenerationStore): Promise<Map<string, number[]>> {
  const durations = new Map<string, number[]>();
  for (const record of await store.all().catch(() => [])) {
    if (!record.succeededAt) continue;
    const ms = Date.parse(record.succeededAt) - Date.parse(record.job.createdAt);
    if (!(ms > 0)) continue;
    const key = keyOf(record.provider, record.model);
    durations.set(key, [...(durations.get(key) ?? []), ms]);
  }
  return durations;
}

function observedFor(ledger: LedgerSetting | undefined): Promise<Map<string, number[]>> | undefined {
  const store = ledgerStoreFor(ledger);
  if (!store) return undefined;
  const key = store instanceof LedgerStore ? store.dir : store;
  let entry = observed.get(key);
  if (!entry) {
    entry = readObserved(store);
    observed.set(key, entry);
  }
  return entry;
}

/**
 * How long a job of this model usually takes at the vendor: the median of the durations the ledger
 * observed (from 3 jobs on), else the model's `typicalDurationMs`, else `undefined`.
 */
export async function durationPrior(
  ledger: LedgerSetting | undefined,
  provider: VideoProvider,
  job: JobRef,
): Promise<number | undefined> {
  const seen = (await observedFor(ledger))?.get(keyOf(job.provider, job.model)) ?? [];
  if (seen.length >= MIN_OBSERVED) return median(seen);
  return provider.models.find((model) => model.id === job.model)?.typicalDurationMs;
}

/** Adds a duration observed in this process to the cached ones, so later jobs use it too. */
export async function notePriorSample(
  ledger: LedgerSetting | undefined,
  job: JobRef,
  durationMs: number,
): Promise<void> {
  if (!(durationMs > 0)) return;
  const durations = await observedFor(ledger);
  if (!durations) return;
  const key = keyOf(job.provider, job.model);
  durations.set(key, [...(durations.get(key) ?? []), durationMs]);
}
