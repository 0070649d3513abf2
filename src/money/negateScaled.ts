import { type Scaled, scaledOf } from './Scaled.js';

/**
 * `−a`.
 * @example
 * negateScaled(scaled('1.50')) // -1.50
 */
export function negateScaled(a: Scaled): Scaled {
  return scaledOf(-a.units, a.scale);
}
