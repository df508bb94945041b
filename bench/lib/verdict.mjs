// How run-all.mjs judges one row of a bench's RESULT line. A row with a goal has a `target` (text
// such as '≤ 25 ms') and `met` (true or false, decided by the bench with its own measurement); a
// row for information has neither. A missed row passes only when it states, with its own
// measurement, why the target is out of reach on this machine:
//
//   outOfReach: { reason: 'Node alone takes this long to start here',
//                 limit: { metric: 'node -e 0, spawn to exit (median)', value: 61, unit: 'ms' } }
//
// Anything else (a target without a verdict, a verdict without a target) is a bench bug.

/** 'met' | 'missed' | 'out of reach' | 'info' | 'invalid', and why for the last. */
export function judgeRow(row) {
  const hasTarget = typeof row.target === 'string' && row.target.trim() !== '';
  const hasVerdict = typeof row.met === 'boolean';
  if (!hasTarget && !hasVerdict) return { verdict: 'info' };
  if (!hasTarget) return { verdict: 'invalid', why: 'a met/missed verdict without a target' };
  if (!hasVerdict) return { verdict: 'invalid', why: 'a target without a met/missed verdict' };
  if (row.met) return { verdict: 'met' };
  if (row.outOfReach === undefined) return { verdict: 'missed' };
  const { reason, limit } = row.outOfReach ?? {};
  const stated =
    typeof reason === 'string' &&
    reason.trim() !== '' &&
    typeof limit?.metric === 'string' &&
    typeof limit?.value === 'number' &&
    Number.isFinite(limit.value);
  if (!stated) return { verdict: 'invalid', why: 'outOfReach needs a reason and a measured limit' };
  return { verdict: 'out of reach' };
}

/** True when the rows let the run pass: every goal met or shown out of reach, nothing invalid. */
export function rowsPass(rows) {
  return rows.every((row) => ['met', 'info', 'out of reach'].includes(judgeRow(row).verdict));
}
