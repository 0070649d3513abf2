import { type Scaled, scaledOf } from './Scaled.js';

/**
 * The same value with trailing fraction zeros removed: the canonical form, so that equal
 * values have equal `units` and `scale`.
 * @example
 * normalizeScaled(scaled('1.500')) //=> { units: 15n, scale: 1 }
 * normalizeScaled(scaled('0.00')) //=> { units: 0n, scale: 0 }
 */
export function normalizeScaled(a: Scaled): Scaled {
  if (a.units === 0n) return scaledOf(0n, 0);
  let { units, scale } = a;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return scaledOf(units, scale);
}
