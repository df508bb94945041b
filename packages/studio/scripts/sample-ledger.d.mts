/** Fills `<home>/ledger` with sample generations; see sample-ledger.mjs. */
export declare function makeSampleLedger(
  home: string,
  options?: { clips?: number; sequence?: boolean; small?: boolean },
): Promise<{ ledger: string; videos: string; jobsDir: string }>;
