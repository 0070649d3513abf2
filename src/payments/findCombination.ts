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
  const total = amounts.reduce((t, a) => t + a, 0n);
  // Exact in doubles while every sum stays below 2^53; bigint otherwise. Same search either way.
  if (total + window[1] <= 9_007_199_254_740_991n) {
    return searchCombination(amounts.map(Number), [Number(window[0]), Number(window[1])], limits, 0);
  }
  return searchCombination(amounts, window, limits, 0n);
}

function searchCombination<T extends number | bigint>(
  amounts: readonly T[],
  window: readonly [T, T],
  limits: { readonly maxItems: number; readonly budget: number },
  zero: T,
): CombinationResult {
  const [low, high] = window;
  const add = (a: T, b: T): T => ((a as number) + (b as number)) as T;
  const n = amounts.length;
  const suffix: T[] = new Array<T>(n + 1).fill(zero);
  for (let i = n - 1; i >= 0; i--) suffix[i] = add(suffix[i + 1] ?? zero, amounts[i] ?? zero);
  let steps = 0;
  let found = 0;
  let best: number[] | undefined;
  let exhausted = false;
  const path: number[] = [];
  const better = (a: readonly number[], b: readonly number[] | undefined): boolean => {
    if (b === undefined) return true;
    if (a.length !== b.length) return a.length < b.length;
    for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
    return false;
  };
  const dfs = (start: number, sum: T): void => {
    for (let i = start; i < n; i++) {
      if (exhausted) return;
      if (++steps > limits.budget) {
        exhausted = true;
        return;
      }
      if (add(sum, suffix[i] ?? zero) < low) return; // even all the rest cannot reach the window
      const s = add(sum, amounts[i] ?? zero);
      if (s > high) continue;
      path.push(i);
      if (s >= low) {
        found++;
        if (better(path, best)) best = [...path];
      }
      if (path.length < limits.maxItems) dfs(i + 1, s);
      path.pop();
    }
  };
  dfs(0, zero);
  if (exhausted) return { kind: 'undecided', steps: Math.min(steps, limits.budget) };
  if (best === undefined) return { kind: 'none', steps };
  return { kind: found === 1 ? 'unique' : 'ambiguous', indices: best, steps };
}
