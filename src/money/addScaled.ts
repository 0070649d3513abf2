import { pow10, type Scaled, scaledOf } from './Scaled.js';

/**
 * `a + b`, exactly, at the larger of the two scales.
 * @example
 * addScaled(scaled('1.5'), scaled('0.25')) // 1.75
 */
export function addScaled(a: Scaled, b: Scaled): Scaled {
  if (a.scale === b.scale) return scaledOf(a.units + b.units, a.scale);
  if (a.scale > b.scale) return scaledOf(a.units + b.units * pow10(a.scale - b.scale), a.scale);
  return scaledOf(a.units * pow10(b.scale - a.scale) + b.units, b.scale);
}
