import type { CombinationResult } from '../findCombination.js';

/**
 * The combination search by dynamic programming over sums (reference A.3.2 with the
 * fewest-items refinement): `ways[i][c][s]` counts, up to 2, the subsets of exactly `c` of the
 * amounts `i … n−1` that sum to `s`. It shares nothing with the depth-first search but the
 * contract, so the two check each other (A.11 invariant 15). Pseudo-polynomial: meant for
 * small windows (amounts and window divided by the amounts' gcd first); above `maxCells` table cells it answers `undecided`.
 * @param amounts - non-negative safe integers, in priority order
 * @param window - inclusive `[low, high]`
 * @param limits - `maxItems` and `maxCells`
 * @returns the canonical subset (fewest items, then the earliest indices) and its uniqueness
 * @example
 * findCombinationByTable([100, 250, 350], [600, 600], { maxItems: 5, maxCells: 1e6 })
 * //=> { kind: 'unique', indices: [1, 2], steps: … }
 */
export function findCombinationByTable(
  amounts: readonly number[],
  window: readonly [number, number],
  limits: { readonly maxItems: number; readonly maxCells: number },
): CombinationResult {
  // Divide by the gcd of the amounts first (whole-euro invoices: a table 100 times smaller).
  let g = 0;
  for (const a of amounts) g = gcd(g, a);
  if (g > 1) {
    const scaled = amounts.map((a) => a / g);
    return findCombinationByTable(scaled, [Math.ceil(window[0] / g), Math.floor(window[1] / g)], limits);
  }
  const n = amounts.length;
  const [low, high] = window;
  const k = Math.min(limits.maxItems, n);
  if (high < 0 || k <= 0) return { kind: 'none', steps: 0 };
  const width = high + 1;
  const layer = (k + 1) * width;
  const cells = (n + 1) * layer;
  if (cells > limits.maxCells) return { kind: 'undecided', steps: 0 };
  // ways[(i * (k + 1) + c) * width + s], each capped at 2: "none", "one", "two or more".
  const ways = new Uint8Array(cells);
  const at = (i: number, c: number, s: number): number => (i * (k + 1) + c) * width + s;
  ways[at(n, 0, 0)] = 1;
  for (let i = n - 1; i >= 0; i--) {
    const a = amounts[i] as number;
    for (let c = 0; c <= k; c++)
      for (let s = 0; s <= high; s++) {
        let w = ways[at(i + 1, c, s)] as number; // without item i
        if (c > 0 && s >= a) w += ways[at(i + 1, c - 1, s - a)] as number; // with item i
        ways[at(i, c, s)] = w > 2 ? 2 : w;
      }
  }
  const reachable = (i: number, c: number, from: number, to: number): boolean => {
    for (let s = Math.max(0, from); s <= Math.min(high, to); s++) if ((ways[at(i, c, s)] as number) > 0) return true;
    return false;
  };
  let count = 0;
  let size = 0;
  for (let c = 1; c <= k; c++)
    for (let s = Math.max(0, low); s <= high; s++) {
      const w = ways[at(0, c, s)] as number;
      if (w > 0 && size === 0) size = c;
      count += w;
    }
  if (count === 0) return { kind: 'none', steps: cells };
  // The earliest indices: take the first item that still lets the rest reach the window.
  const indices: number[] = [];
  let sum = 0;
  let from = 0;
  for (let left = size; left > 0; left--) {
    for (let j = from; j < n; j++) {
      const a = amounts[j] as number;
      if (reachable(j + 1, left - 1, low - sum - a, high - sum - a)) {
        indices.push(j);
        sum += a;
        from = j + 1;
        break;
      }
    }
  }
  return { kind: count === 1 ? 'unique' : 'ambiguous', indices, steps: cells };
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
