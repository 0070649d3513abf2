import { allocateMoney } from '../../money/allocateMoney.js';
import { type CurrencyCode, sameCurrencyMoney } from '../../money/Money.js';
import { divideRoundedDouble } from './integerDoubles.js';

/**
 * The minor units of `amount` (≥ 0) split over `weights` (≥ 0, not all 0): the same parts as
 * `allocateMoney` (largest remainder; ties to the larger weight, then the earlier position),
 * in integer doubles when every product is exact, through `allocateMoney` otherwise. A total
 * discount is spread over an order's lines with this: bigint shares and remainders, and a
 * Money per part, were a third of what pricing an order allocated. Plain arrays, not typed
 * ones: a typed array of a hundred doubles lives outside the heap, and creating one costs
 * about a microsecond.
 */
export function allocateShares(amount: bigint, weights: readonly bigint[], currency: CurrencyCode): bigint[] {
  const whole = Number(amount);
  const n = weights.length;
  const w = new Array<number>(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    w[i] = Number(weights[i]);
    total += w[i] as number;
  }
  let exact = Number.isSafeInteger(whole) && whole >= 0 && Number.isSafeInteger(total) && total > 0;
  const shares = new Array<number>(n);
  const remainders = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n && exact; i++) {
    const product = whole * (w[i] as number);
    // NaN unless product and total are integers of at most 2^52 (then share × total is exact too).
    const share = Number.isSafeInteger(product) && Number.isSafeInteger(w[i]) ? divideRoundedDouble(product, total, 'floor') : Number.NaN;
    if (Number.isNaN(share)) exact = false;
    shares[i] = share;
    remainders[i] = product - share * total;
    given += share;
  }
  if (!exact) return allocateMoney(sameCurrencyMoney(amount, currency), weights).map((m) => m.minor);
  // Largest remainders first (ties: larger weight, then earlier position): every part whose
  // remainder exceeds the left-th largest, then the best of those equal to it. (A sort of every
  // position with a comparator cost twice the rest of the spread.)
  const left = whole - given;
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
    if (need < ties.length) ties.sort((i, j) => (w[j] as number) - (w[i] as number) || i - j);
    for (let k = 0; k < need; k++) {
      const i = ties[k] as number;
      shares[i] = (shares[i] as number) + 1;
    }
  }
  const out: bigint[] = new Array<bigint>(n);
  for (let i = 0; i < n; i++) out[i] = BigInt(shares[i] as number);
  return out;
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
