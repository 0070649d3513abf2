import type { CombinationResult } from '../findCombination.js';

type Half = { readonly sums: Float64Array; readonly sizes: Uint8Array; readonly masks: Uint32Array };

function subsetsOf(amounts: readonly number[], offset: number, length: number): Half {
  const count = 2 ** length;
  const sums = new Float64Array(count);
  const sizes = new Uint8Array(count);
  const masks = new Uint32Array(count);
  for (let m = 1; m < count; m++) {
    // Lowest set bit: the subset m is m without it, plus that item.
    const bit = 31 - Math.clz32(m & -m);
    const rest = m & (m - 1);
    sums[m] = (sums[rest] as number) + (amounts[offset + bit] as number);
    sizes[m] = (sizes[rest] as number) + 1;
    masks[m] = m;
  }
  return { sums, sizes, masks };
}

const indicesOf = (mask: number, offset: number, out: number[]): void => {
  for (let b = 0; b < 32; b++) if ((mask >>> b) & 1) out.push(offset + b);
};

/**
 * The combination search by meet in the middle (Horowitz–Sahni, reference A.3.3): all subset
 * sums of each half, the second half sorted, a binary search for each sum of the first. The
 * work does not depend on the size of the amounts, only on their number (at most 40), and it
 * shares nothing with the depth-first search but the contract (A.11 invariant 15).
 * @param amounts - non-negative amounts whose sums stay exact in doubles, in priority order
 * @param window - inclusive `[low, high]`
 * @param maxItems - largest subset size
 * @returns the canonical subset (fewest items, then the earliest indices) and its uniqueness
 * @example
 * findCombinationByHalves([100, 250, 350], [600, 600], 5) //=> { kind: 'unique', indices: [1, 2], steps: … }
 */
export function findCombinationByHalves(amounts: readonly number[], window: readonly [number, number], maxItems: number): CombinationResult {
  const n = amounts.length;
  if (n > 40) return { kind: 'undecided', steps: 0 };
  const [low, high] = window;
  const h = n >>> 1;
  const first = subsetsOf(amounts, 0, h);
  const second = subsetsOf(amounts, h, n - h);
  const order = Array.from(second.sums.keys()).sort((x, y) => (second.sums[x] as number) - (second.sums[y] as number));
  const sorted = Float64Array.from(order, (i) => second.sums[i] as number);
  let count = 0;
  let best: number[] | undefined;
  let steps = 0;
  for (let a = 0; a < first.sums.length; a++) {
    const sa = first.sums[a] as number;
    const za = first.sizes[a] as number;
    if (za > maxItems) continue;
    // First position with sum ≥ low − sa.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < low - sa) lo = mid + 1;
      else hi = mid;
    }
    for (let p = lo; p < sorted.length && (sorted[p] as number) <= high - sa; p++) {
      steps++;
      const b = order[p] as number;
      const size = za + (second.sizes[b] as number);
      if (size === 0 || size > maxItems) continue;
      count++;
      const indices: number[] = [];
      indicesOf(first.masks[a] as number, 0, indices);
      indicesOf(second.masks[b] as number, h, indices);
      if (best === undefined || indices.length < best.length || (indices.length === best.length && earlier(indices, best))) best = indices;
    }
  }
  if (best === undefined) return { kind: 'none', steps };
  return { kind: count === 1 ? 'unique' : 'ambiguous', indices: best, steps };
}

function earlier(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
}
