/**
 * Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a
 * substring: insertions, deletions, substitutions, adjacent transpositions), cut off at
 * `max`: any result above `max` is reported as `max + 1`. Rows of the band only, no matrix.
 * @example
 * osaDistance('INV202300123', 'INV202300132', 2) //=> 1 (a transposition)
 */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let before = new Int32Array(n + 1); // row i − 2
  let prev = new Int32Array(n + 1); // row i − 1
  let row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        v = Math.min(v, (before[j - 2] as number) + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1; // every later row is at least as far
    [before, prev, row] = [prev, row, before];
  }
  const d = prev[n] as number;
  return d > max ? max + 1 : d;
}
