import { invalidInput } from '../errors/parseInput.js';
import { divideRounded, type RoundingMode } from './rounding.js';
import { pow10, type Scaled, scaledOf } from './Scaled.js';

/**
 * `a` rounded to `scale` decimals with `rounding`; a larger scale pads with zeros exactly.
 * @throws {@link OrderToCashError} `invalid_input` when `scale` is not a non-negative integer.
 * @example
 * roundScaled(scaled('2.345'), 2, 'halfEven') // 2.34
 * roundScaled(scaled('2.5'), 3, 'halfUp') // 2.500
 */
export function roundScaled(a: Scaled, scale: number, rounding: RoundingMode): Scaled {
  if (!Number.isSafeInteger(scale) || scale < 0) invalidInput(['scale'], 'must be a non-negative integer');
  if (scale >= a.scale) return scaledOf(a.units * pow10(scale - a.scale), scale);
  return scaledOf(divideRounded(a.units, pow10(a.scale - scale), rounding), scale);
}
