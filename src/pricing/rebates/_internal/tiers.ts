import { pow10 } from '../../../money/Scaled.js';
import type { RebateCalculation, TierMethod } from '../RebateDeal.js';

// Tier arithmetic of reference/d365-semantics.md §2.2 on integers. `from` holds the tier
// starts at the basis scale, `rate` the rates at the rate scale; `b` is the basis at the
// basis scale (≥ 0). The result is exact: the rebate in major units is
// numerator / 10^(basisScale + rateScale) (/ 100 more for percent); for fixed amounts it
// is numerator / 10^rateScale.

/** Highest tier index reached (from ≤ b), or −1 when below the first tier. */
export function reachedTier(from: readonly bigint[], b: bigint): number {
  let k = -1;
  for (let i = 0; i < from.length; i++) if (b >= (from[i] as bigint)) k = i;
  return k;
}

export function tierNumerator(
  method: TierMethod,
  calculation: RebateCalculation,
  from: readonly bigint[],
  rate: readonly bigint[],
  b: bigint,
): bigint {
  return tierNumeratorAt(method, calculation, from, rate, b, reachedTier(from, b));
}

/** {@link tierNumerator} when the tier `k` reached by `b` is already known. */
export function tierNumeratorAt(
  method: TierMethod,
  calculation: RebateCalculation,
  from: readonly bigint[],
  rate: readonly bigint[],
  b: bigint,
  k: number,
): bigint {
  if (k < 0) return 0n;
  if (calculation === 'fixedAmount') {
    if (method === 'cumulative') return rate[k] as bigint;
    let sum = 0n;
    for (let i = 0; i <= k; i++) sum += rate[i] as bigint;
    return sum;
  }
  switch (method) {
    case 'cumulative':
      return (rate[k] as bigint) * b;
    case 'stepped': {
      let sum = 0n;
      for (let i = 0; i <= k; i++) {
        const next = i + 1 < from.length ? (from[i + 1] as bigint) : b;
        const top = b < next ? b : next;
        sum += (rate[i] as bigint) * (top - (from[i] as bigint));
      }
      return sum;
    }
    case 'rolling': {
      let sum = 0n;
      for (let i = 0; i <= k; i++) {
        const next = i + 1 < from.length ? (from[i + 1] as bigint) : b;
        sum += (rate[i] as bigint) * (b < next ? b : next);
      }
      return sum;
    }
    case 'total': {
      let sum = 0n;
      for (let i = 0; i <= k; i++) sum += rate[i] as bigint;
      return sum * b;
    }
  }
}

/** Denominator turning a numerator into major units. */
export function tierDenominator(calculation: RebateCalculation, basisScale: number, rateScale: number): bigint {
  if (calculation === 'fixedAmount') return pow10(rateScale);
  return pow10(basisScale + rateScale) * (calculation === 'percent' ? 100n : 1n);
}
