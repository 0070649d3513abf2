import { pow10, type Scaled } from '../../money/Scaled.js';
import { divideRounded, type RoundingMode } from '../../money/rounding.js';

/**
 * (qty × (price − discount) / priceUnit + charges) × Π(1 − pᵢ/100), as one exact fraction
 * rounded once to `minorUnit` decimals (reference §1.4; charges before the percentages).
 * price − discount is floored at zero.
 */
export function lineAmountMinor(
  qty: Scaled,
  price: Scaled,
  discount: Scaled,
  priceUnit: Scaled,
  charges: Scaled,
  percents: readonly Scaled[],
  minorUnit: number,
  rounding: RoundingMode,
): bigint {
  const s = Math.max(price.scale, discount.scale);
  const gross = price.units * pow10(s - price.scale) - discount.units * pow10(s - discount.scale);
  // A discount amount above the price is capped at the price: a line never goes negative.
  const net = gross < 0n ? 0n : gross;
  // term = qU·net·10^pus / (10^(qs+s)·PUu); charges = cU / 10^cs
  const termDen = pow10(qty.scale + s) * priceUnit.units;
  let num = qty.units * net * pow10(priceUnit.scale) * pow10(charges.scale) + charges.units * termDen;
  let den = termDen * pow10(charges.scale);
  for (const p of percents) {
    const hundred = 100n * pow10(p.scale);
    num *= hundred - p.units;
    den *= hundred;
  }
  return divideRounded(num * pow10(minorUnit), den, rounding);
}
