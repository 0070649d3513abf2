import { divideRoundedDouble } from './integerDoubles.js';

/**
 * The minor units `amount` (≥ 0) split over `weights` (≥ 0, not all 0), all integer doubles: the
 * same parts as `allocateMoney` (largest remainder; ties to the larger weight, then the earlier
 * position), or undefined when an amount, a weight, their total or a product is not a safe
 * integer (the caller then allocates in bigints with `allocateMoney`). A total discount is spread
 * over an order's lines with this, from the line amounts the doubles gave: no bigint is read or
 * made here (a `Number` or `BigInt` conversion is a runtime call, 14–21 ns, and the spread used
 * to make two per line). Plain arrays, not typed ones: a typed array of a hundred doubles lives
 * outside the heap, and creating one costs about a microsecond.
 */
export function allocateShares(amount: number, weights: readonly number[]): number[] | undefined {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i] as number;
  if (!(Number.isSafeInteger(amount) && amount >= 0 && Number.isSafeInteger(total) && total > 0)) return undefined;
  const shares = new Array<number>(n);
  const remainders = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    const product = amount * w;
    // NaN unless product and total are integers of at most 2^52 (then share × total is exact too).
    const share = Number.isSafeInteger(product) && Number.isSafeInteger(w) && w >= 0 ? divideRoundedDouble(product, total, 'floor') : Number.NaN;
    if (Number.isNaN(share)) return undefined;
    shares[i] = share;
    remainders[i] = product - share * total;
    given += share;
  }
  // Largest remainders first (ties: larger weight, then earlier position): every part whose
  // remainder exceeds the left-th largest, then the best of those equal to it. (A sort of every
  // position with a comparator cost twice the rest of the spread.)
  const left = amount - given;
  if (left > 0) {
    const threshold = kthLargest(remainders.slice(), left);
    const ties: number[] = [];
    let need = left;
    for (let i = 0; i < n; i++) {
      const r = remainders[i] as number;
      if (r > threshold) {
        shares[i] = (shares[i] as number) + 1;
        need--;
      } else if (r === threshold) ties.push(i);
    }
    if (need < ties.length) ties.sort((i, j) => (weights[j] as number) - (weights[i] as number) || i - j);
    for (let k = 0; k < need; k++) {
      const i = ties[k] as number;
      shares[i] = (shares[i] as number) + 1;
    }
  }
  return shares;
}

/** The k-th largest (1 ≤ k ≤ length) of `a`, which it reorders: quickselect, median-of-three pivot. */
function kthLargest(a: number[], k: number): number {
  const target = k - 1;
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const x = a[lo] as number;
    const y = a[(lo + hi) >>> 1] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // Hoare partition, descending: a[lo..j] ≥ pivot ≥ a[i..hi], j < i.
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) > pivot) i++;
      while ((a[j] as number) < pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target] as number;
  }
  return a[target] as number;
}
