/** One metric of a bench's RESULT line, as run-all.mjs reads it. */
export interface BenchRow {
  metric: string;
  value: unknown;
  unit?: string;
  target?: string;
  met?: boolean | null;
  note?: string;
  outOfReach?: { reason: string; limit: { metric: string; value: number; unit?: string } };
}
export type Verdict = 'met' | 'missed' | 'out of reach' | 'info' | 'invalid';
export function judgeRow(row: BenchRow): { verdict: Verdict; why?: string };
export function rowsPass(rows: readonly BenchRow[]): boolean;
