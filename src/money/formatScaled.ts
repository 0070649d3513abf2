import { formatDecimalText } from './_internal/decimalText.js';
import type { Scaled } from './Scaled.js';

/**
 * The decimal string of `a` with exactly `a.scale` decimals, in the grammar `scaled()` reads,
 * so that `scaled(formatScaled(x))` equals `x`.
 * @example
 * formatScaled(scaled('-0.50')) //=> '-0.50'
 */
export function formatScaled(a: Scaled): string {
  return formatDecimalText(a.units, a.scale);
}
