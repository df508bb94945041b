export type { GenerationRecord, GenerationStatus } from './generation-record.js';
export { fileGenerationStore, type GenerationStore, type LedgerSetting } from './generation-store.js';
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
