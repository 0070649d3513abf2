import { divisionByZeroMessage } from '../errors/messages.js';
import { OrderToCashError } from '../errors/OrderToCashError.js';
import { invalidInput } from '../errors/parseInput.js';
import { divideRounded, type RoundingMode } from './rounding.js';
import { pow10, type Scaled, scaledOf } from './Scaled.js';

/** Options of {@link divideScaled}: the scale of the quotient and how to round it. */
export type DivideScaledOptions = { readonly scale: number; readonly rounding: RoundingMode };

/**
 * `a ÷ b` rounded once to `options.scale` decimals.
 * @throws {@link OrderToCashError} `division_by_zero` when `b` is 0; `invalid_input` for a bad scale.
 * @example
 * divideScaled(scaled('10'), scaled('3'), { scale: 4, rounding: 'halfUp' }) // 3.3333
 * divideScaled(scaled('-1'), scaled('8'), { scale: 2, rounding: 'halfEven' }) // -0.12
 */
export function divideScaled(a: Scaled, b: Scaled, options: DivideScaledOptions): Scaled {
  const { scale, rounding } = options;
  if (!Number.isSafeInteger(scale) || scale < 0) invalidInput(['scale'], 'must be a non-negative integer');
  if (b.units === 0n) throw new OrderToCashError('division_by_zero', divisionByZeroMessage('divideScaled divisor'), ['b']);
  // a/b = (a.units / 10^a.scale) / (b.units / 10^b.scale); result units = that × 10^scale
  const shift = scale + b.scale - a.scale;
  const numerator = shift >= 0 ? a.units * pow10(shift) : a.units;
  const denominator = shift >= 0 ? b.units : b.units * pow10(-shift);
  return scaledOf(divideRounded(numerator, denominator, rounding), scale);
}
