/** Edit distance between two short strings (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known option an unknown key most likely meant: a different spelling of case, a prefix
 * (`allowLoopback` → `allowLoopbackDownloads`), or a typo of at most a third of its letters.
 */
export function didYouMean(key: string, known: readonly string[]): string | undefined {
  const wanted = key.toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const name of known) {
    const candidate = name.toLowerCase();
    const prefix = wanted.length >= 3 && (candidate.startsWith(wanted) || wanted.startsWith(candidate));
    const edits = distance(wanted, candidate);
    const score = prefix ? Math.min(edits, 1) : edits;
    if (score > Math.max(1, Math.floor(Math.max(wanted.length, candidate.length) / 3))) continue;
    if (!best || score < best.score) best = { name, score };
  }
  return best?.name;
}
