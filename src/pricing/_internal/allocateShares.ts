import { allocateMoney } from '../../money/allocateMoney.js';
import { type CurrencyCode, sameCurrencyMoney } from '../../money/Money.js';
import { divideRoundedDouble } from './integerDoubles.js';

/**
 * The minor units of `amount` (≥ 0) split over `weights` (≥ 0, not all 0): the same parts as
 * `allocateMoney` (largest remainder; ties to the larger weight, then the earlier position),
 * in integer doubles when every product is exact, through `allocateMoney` otherwise. A total
 * discount is spread over an order's lines with this: bigint shares and remainders, and a
 * Money per part, were a third of what pricing an order allocated.
 */
export function allocateShares(amount: bigint, weights: readonly bigint[], currency: CurrencyCode): bigint[] {
  const whole = Number(amount);
  const n = weights.length;
  const w = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    w[i] = Number(weights[i]);
    total += w[i] as number;
  }
  let exact = Number.isSafeInteger(whole) && whole >= 0 && Number.isSafeInteger(total) && total > 0;
  const shares = new Float64Array(n);
  const remainders = new Float64Array(n);
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
  let left = whole - given;
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((i, j) => (remainders[j] as number) - (remainders[i] as number) || (w[j] as number) - (w[i] as number) || i - j);
    for (const i of order) {
      if (left === 0) break;
      shares[i] = (shares[i] as number) + 1;
      left--;
    }
  }
  const out: bigint[] = new Array<bigint>(n);
  for (let i = 0; i < n; i++) out[i] = BigInt(shares[i] as number);
  return out;
}
