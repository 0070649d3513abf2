import { divideRounded, type RoundingMode } from '../../money/rounding.js';
import { pow10, type Scaled, scaledOf } from '../../money/Scaled.js';

/** numerator / denominator as a Scaled at `scale`, rounded once; null when the denominator is 0. */
export function ratio(numerator: bigint, denominator: bigint, scale: number, rounding: RoundingMode): Scaled | null {
  if (denominator === 0n) return null;
  return scaledOf(divideRounded(numerator * pow10(scale), denominator, rounding), scale);
}
