import { pow10, type Scaled } from './Scaled.js';

/**
 * −1, 0 or 1 as `a` is less than, equal to or greater than `b`, whatever their scales.
 * @example
 * compareScaled(scaled('1.50'), scaled('1.5')) //=> 0
 * compareScaled(scaled('-2'), scaled('1')) //=> -1
 */
export function compareScaled(a: Scaled, b: Scaled): -1 | 0 | 1 {
  let x = a.units;
  let y = b.units;
  if (a.scale > b.scale) y *= pow10(a.scale - b.scale);
  else if (b.scale > a.scale) x *= pow10(b.scale - a.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}
