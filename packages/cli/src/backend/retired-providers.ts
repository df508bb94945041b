/**
 * First-party providers whose vendor no longer serves their models, with the reason to print. The
 * CLI never picks one by itself; naming one with `--backend` still works (for old journals and
 * jobs in the ledger), with the provider's own warning.
 */
export const RETIRED_PROVIDERS: Readonly<Record<string, string>> = {
  sora2: 'OpenAI shut the Videos API down on 2026-09-24',
  'azure-sora': 'Azure retired sora-2',
};
