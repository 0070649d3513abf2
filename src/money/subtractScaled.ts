import { addScaled } from './addScaled.js';
import { type Scaled, scaledOf } from './Scaled.js';

/**
 * `a − b`, exactly, at the larger of the two scales.
 * @example
 * subtractScaled(scaled('1'), scaled('0.075')) // 0.925
 */
export function subtractScaled(a: Scaled, b: Scaled): Scaled {
  return addScaled(a, scaledOf(-b.units, b.scale));
}
