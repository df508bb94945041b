export type { GenerationRecord, GenerationStatus } from './generation-record.js';
export {
  type DownloadGenerationOptions,
  downloadGeneration,
  forgetGeneration,
  getGeneration,
  type LedgerOptions,
  type ListGenerationsOptions,
  listGenerations,
} from './generations.js';
export { defaultLedgerDir } from './ledger-location.js';
