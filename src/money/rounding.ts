import { divisionByZeroMessage } from '../errors/messages.js';
import { OrderToCashError } from '../errors/OrderToCashError.js';

/**
 * How a value that falls between two representable values is rounded; same meanings as
 * decimal.js:
 * - `up`: away from zero; `down`: towards zero (truncate);
 * - `ceiling`: towards +∞; `floor`: towards −∞;
 * - `halfUp`: nearest, ties away from zero (commercial rounding);
 * - `halfDown`: nearest, ties towards zero;
 * - `halfEven`: nearest, ties to the even neighbour (banker's rounding).
 */
export type RoundingMode = 'halfUp' | 'halfDown' | 'halfEven' | 'up' | 'down' | 'ceiling' | 'floor';

/**
 * Every rounding mode, in a fixed order.
 * @example
 * ROUNDING_MODES.includes('halfEven') //=> true
 */
export const ROUNDING_MODES: readonly RoundingMode[] = ['halfUp', 'halfDown', 'halfEven', 'up', 'down', 'ceiling', 'floor'];

/**
 * `numerator / denominator` rounded to an integer with `mode`. The primitive every rounding
 * in the library goes through.
 *
 * @throws {@link OrderToCashError} `division_by_zero` when `denominator` is 0.
 * @example
 * divideRounded(5n, 2n, 'halfEven') //=> 2n
 * divideRounded(-5n, 2n, 'halfUp') //=> -3n
 * divideRounded(7n, 2n, 'floor') //=> 3n
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new OrderToCashError('division_by_zero', divisionByZeroMessage('divideRounded'));
  let n = numerator;
  let d = denominator;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // truncated towards zero
  const r = n - q * d; // same sign as n
  if (r === 0n) return q;
  const negative = n < 0n;
  const away = negative ? q - 1n : q + 1n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'ceiling':
      return negative ? q : away;
    case 'floor':
      return negative ? away : q;
    case 'halfUp':
    case 'halfDown':
    case 'halfEven': {
      const twice = (negative ? -r : r) * 2n;
      if (twice > d) return away;
      if (twice < d) return q;
      if (mode === 'halfUp') return away;
      if (mode === 'halfDown') return q;
      return q % 2n === 0n ? q : away;
    }
    default:
      return assertNever(mode);
  }
}

/** Exhaustiveness guard for switches over unions. */
export function assertNever(value: never): never {
  throw new OrderToCashError('invariant_violated', `Unexpected value ${String(value)}: this is a bug, please report it`);
}
