/**
 * Result of {@link findCombination}: indices of the canonical subset (fewest items, then the
 * earliest priority indices), whether it is unique, and the search steps used.
 * @example
 * const r: CombinationResult = { kind: 'unique', indices: [0, 2], steps: 12 };
 */
export type CombinationResult =
  | { readonly kind: 'unique' | 'ambiguous'; readonly indices: readonly number[]; readonly steps: number }
  | { readonly kind: 'none' | 'undecided'; readonly steps: number };

/**
 * Bounded combination search (A.3.4): subsets of at most `maxItems` positive amounts, taken
 * in priority order, whose sum lies in `[low, high]`. Depth-first with sum pruning and a
 * fixed budget of search steps (never a time limit): `undecided` when the budget runs out.
 * Counts solutions up to two to tell unique from ambiguous.
 * @param amounts - positive amounts in minor units, in settlement priority order
 * @param window - inclusive `[low, high]` target window
 * @param limits - `maxItems` and `budget` (steps)
 * @returns the canonical subset and its uniqueness
 * @example
 * findCombination([100n, 250n, 350n], [600n, 600n], { maxItems: 5, budget: 1000 })
 * //=> { kind: 'unique', indices: [1, 2], steps: … }
 */
export function findCombination(
  amounts: readonly bigint[],
  window: readonly [bigint, bigint],
  limits: { readonly maxItems: number; readonly budget: number },
): CombinationResult {
  let total = 0n;
  for (const a of amounts) total += a;
  // Exact in doubles while every sum stays below 2^53; bigint otherwise. Same search either way.
  if (total + window[1] <= 9_007_199_254_740_991n) {
    const values = new Float64Array(amounts.length);
    for (let i = 0; i < amounts.length; i++) values[i] = Number(amounts[i]);
    return searchNumbers(values, Number(window[0]), Number(window[1]), limits);
  }
  return searchBigints(amounts, window[0], window[1], limits);
}

/**
 * The search on doubles (every sum exact): typed arrays for the amounts, their suffix sums
 * and the path, no allocation per step; the best path is copied only when it improves.
 */
function searchNumbers(amounts: Float64Array, low: number, high: number, limits: { readonly maxItems: number; readonly budget: number }): CombinationResult {
  const n = amounts.length;
  const suffix = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] as number) + (amounts[i] as number);
  const maxDepth = Math.max(0, Math.min(limits.maxItems, n));
  const path = new Int32Array(maxDepth);
  const best = new Int32Array(maxDepth);
  let bestLength = 0;
  let depth = 0;
  let steps = 0;
  let found = 0;
  let exhausted = false;
  // Canonical order: fewer items, then the lexicographically smaller list of indices.
  const improves = (): boolean => {
    if (bestLength === 0 || depth < bestLength) return true;
    if (depth > bestLength) return false;
    for (let i = 0; i < depth; i++) if (path[i] !== best[i]) return (path[i] as number) < (best[i] as number);
    return false;
  };
  const dfs = (start: number, sum: number): void => {
    for (let i = start; i < n; i++) {
      if (++steps > limits.budget) {
        exhausted = true;
        return;
      }
      if (sum + (suffix[i] as number) < low) return; // even all the rest cannot reach the window
      const s = sum + (amounts[i] as number);
      if (s > high) continue;
      path[depth++] = i;
      if (s >= low) {
        found++;
        if (improves()) {
          best.set(path.subarray(0, depth));
          bestLength = depth;
        }
      }
      if (depth < maxDepth) dfs(i + 1, s);
      depth--;
      if (exhausted) return;
    }
  };
  if (maxDepth > 0) dfs(0, 0);
  if (exhausted) return { kind: 'undecided', steps: limits.budget };
  if (bestLength === 0) return { kind: 'none', steps };
  return { kind: found === 1 ? 'unique' : 'ambiguous', indices: Array.from(best.subarray(0, bestLength)), steps };
}

/** The same search on bigints, for sums beyond 2^53. */
function searchBigints(amounts: readonly bigint[], low: bigint, high: bigint, limits: { readonly maxItems: number; readonly budget: number }): CombinationResult {
  const n = amounts.length;
  const suffix: bigint[] = new Array<bigint>(n + 1).fill(0n);
  for (let i = n - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] as bigint) + (amounts[i] as bigint);
  let steps = 0;
  let found = 0;
  let best: number[] | undefined;
  let exhausted = false;
  const path: number[] = [];
  const better = (a: readonly number[], b: readonly number[] | undefined): boolean => {
    if (b === undefined) return true;
    if (a.length !== b.length) return a.length < b.length;
    for (let i = 0; i < a.length; i++) if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
    return false;
  };
  const dfs = (start: number, sum: bigint): void => {
    for (let i = start; i < n; i++) {
      if (++steps > limits.budget) {
        exhausted = true;
        return;
      }
      if (sum + (suffix[i] as bigint) < low) return;
      const s = sum + (amounts[i] as bigint);
      if (s > high) continue;
      path.push(i);
      if (s >= low) {
        found++;
        if (better(path, best)) best = [...path];
      }
      if (path.length < limits.maxItems) dfs(i + 1, s);
      path.pop();
      if (exhausted) return;
    }
  };
  dfs(0, 0n);
  if (exhausted) return { kind: 'undecided', steps: limits.budget };
  if (best === undefined) return { kind: 'none', steps };
  return { kind: found === 1 ? 'unique' : 'ambiguous', indices: best, steps };
}
