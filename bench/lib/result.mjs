// Shared by every *.bench.mjs: each prints exactly one line `RESULT {json}` that run-all.mjs
// collects into bench/results/latest.json and latest.md (ignored; the reference is bench/reference/).
//
//   report('download', [{ metric: 'throughput vs curl', value: 0.97, unit: '×', target: '≥ 0.9×', met: true }]);
//
// `met` is true, false, or null for a number printed for information only (no target). Every row
// with a goal has a target, and `npm run bench` exits 1 when one is missed, unless the row states
// why the target is out of reach here, with its own measurement (`outOfReach`, see verdict.mjs).

/** A median of a list of numbers (the lower middle one for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Prints the bench's RESULT line. `rows`: { metric, value, unit?, target?, met?, note?, outOfReach? }. */
export function report(bench, rows) {
  const metrics = rows.map((row) => ({
    metric: row.metric,
    value: row.value,
    unit: row.unit ?? '',
    target: row.target ?? '',
    met: row.met ?? null,
    ...(row.note ? { note: row.note } : {}),
    ...(row.outOfReach ? { outOfReach: row.outOfReach } : {}),
  }));
  console.log(`RESULT ${JSON.stringify({ bench, metrics })}`);
}
