import type { RoundingMode } from '../../money/rounding.js';

// Exact integer arithmetic in doubles for hot loops. A double holds every integer of
// magnitude below 2^53 exactly, and a sum or product of such integers whose double result is
// a safe integer is exact (rounding is monotonic, so an inexact result would lie at or beyond
// 2^53). Callers check `Number.isSafeInteger` on every intermediate that could grow and fall
// back to bigint when a check fails; NaN marks "not representable" and fails every check.
// bigint arithmetic allocates a heap value per operation, these functions allocate nothing.

/** Numerator and denominator of {@link divideRoundedDouble} stay within this so that q × d and 2 × r are exact. */
const HALF_SAFE = 2 ** 52;

/** Exact doubles 10^0 … 10^22 (beyond: undefined, which makes every product NaN). */
export const POW10_DOUBLE: readonly number[] = /* @__PURE__ */ Array.from({ length: 23 }, (_, i) => 10 ** i);

/** `x` as a double when it is a safe integer, else NaN. */
export function exactDouble(x: bigint): number {
  const n = Number(x);
  // |x| ≥ 2^53 converts to a double ≥ 2^53 in magnitude, which is not safe.
  return Number.isSafeInteger(n) ? n : Number.NaN;
}

/**
 * `n / d` rounded to an integer with `mode`, the same result as `divideRounded` on bigints,
 * for integers |n| ≤ 2^52 and 0 < d ≤ 2^52; NaN outside that range (or for NaN inputs).
 */
export function divideRoundedDouble(n: number, d: number, mode: RoundingMode): number {
  if (!(n <= HALF_SAFE && n >= -HALF_SAFE && d > 0 && d <= HALF_SAFE)) return Number.NaN;
  // The double quotient may be off by one after truncation; q × d is exact (|q × d| ≤ |n| + d ≤ 2^53).
  let q = Math.trunc(n / d);
  let r = n - q * d;
  if (n >= 0) {
    if (r < 0) {
      q -= 1;
      r += d;
    } else if (r >= d) {
      q += 1;
      r -= d;
    }
  } else if (r > 0) {
    q += 1;
    r -= d;
  } else if (r <= -d) {
    q -= 1;
    r += d;
  }
  // Now q is n / d truncated towards zero and r = n − q × d has the sign of n (or is 0).
  if (r === 0) return q === 0 ? 0 : q; // no −0
  const negative = n < 0;
  const away = negative ? q - 1 : q + 1;
  switch (mode) {
    case 'down':
      return q === 0 ? 0 : q;
    case 'up':
      return away;
    case 'ceiling':
      return negative ? (q === 0 ? 0 : q) : away;
    case 'floor':
      return negative ? away : q;
    case 'halfUp':
    case 'halfDown':
    case 'halfEven': {
      const twice = (negative ? -r : r) * 2;
      if (twice > d) return away;
      if (twice < d) return q === 0 ? 0 : q;
      if (mode === 'halfUp') return away;
      if (mode === 'halfDown') return q === 0 ? 0 : q;
      return q % 2 === 0 ? (q === 0 ? 0 : q) : away;
    }
  }
}
