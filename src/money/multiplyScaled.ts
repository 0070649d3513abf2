import { type Scaled, scaledOf } from './Scaled.js';

/**
 * `a × b`, exactly; the scale of the product is the sum of the scales.
 * @example
 * multiplyScaled(scaled('1.5'), scaled('0.25')) // 0.375
 */
export function multiplyScaled(a: Scaled, b: Scaled): Scaled {
  return scaledOf(a.units * b.units, a.scale + b.scale);
}
