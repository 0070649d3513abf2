import { pow10, type Scaled } from '../../money/Scaled.js';
import { divideRounded, type RoundingMode } from '../../money/rounding.js';
import { divideRoundedDouble, exactDouble } from './integerDoubles.js';

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
  const fast = lineAmountMinorDouble(qty, price, discount, priceUnit, charges, percents, minorUnit, rounding);
  if (fast !== undefined) return BigInt(fast);
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

/** Exact doubles 10^0 … 10^15. */
const P10: readonly number[] = /* @__PURE__ */ Array.from({ length: 16 }, (_, i) => 10 ** i);
const SAFE = Number.MAX_SAFE_INTEGER;

/** A value's units as a double when exact, else NaN (and every comparison with NaN fails). */
function small(x: Scaled): number {
  return x.scale < P10.length ? exactDouble(x.units) : Number.NaN;
}

/**
 * {@link lineAmountMinor} in integer doubles when every intermediate value is a safe integer (the
 * common case: prices, quantities and percentages of a few digits), undefined otherwise. A
 * product of safe integers whose double is at most 2^53 − 1 is exact (rounding is monotonic), so
 * checking each result bounds the error at zero. BigInt arithmetic allocates per operation; this
 * path allocates nothing.
 */
export function lineAmountMinorDouble(
  qty: Scaled,
  price: Scaled,
  discount: Scaled,
  priceUnit: Scaled,
  charges: Scaled,
  percents: readonly Scaled[],
  minorUnit: number,
  rounding: RoundingMode,
): number | undefined {
  const q = small(qty);
  const pr = small(price);
  const d = small(discount);
  const pu = small(priceUnit);
  const c = small(charges);
  if (!(q >= 0 && pr >= 0 && d >= 0 && pu > 0 && c >= 0) || minorUnit >= P10.length) return undefined;
  const s = Math.max(price.scale, discount.scale);
  const a = pr * (P10[s - price.scale] as number);
  const b = d * (P10[s - discount.scale] as number);
  if (!(a <= SAFE && b <= SAFE) || qty.scale + s >= P10.length) return undefined;
  const net = a > b ? a - b : 0;
  const termDen = (P10[qty.scale + s] as number) * pu;
  const t1 = q * net;
  const t2 = t1 * (P10[priceUnit.scale] as number);
  const t3 = t2 * (P10[charges.scale] as number);
  const t4 = c * termDen;
  let num = t3 + t4;
  let den = termDen * (P10[charges.scale] as number);
  if (!(termDen <= SAFE && t1 <= SAFE && t2 <= SAFE && t3 <= SAFE && t4 <= SAFE && num <= SAFE && den <= SAFE)) return undefined;
  for (const p of percents) {
    const pu2 = small(p);
    // A zero percentage multiplies the fraction by 100 / 100: left out, so that the two
    // percentages 2 and the multiline ones most lines have at zero do not push a line of a few
    // thousand off the doubles.
    if (pu2 === 0) continue;
    const hundred = 100 * (P10[p.scale] as number);
    if (!(pu2 >= 0 && pu2 <= hundred)) return undefined;
    num *= hundred - pu2;
    den *= hundred;
    if (!(num <= SAFE && den <= SAFE)) return undefined;
  }
  num *= P10[minorUnit] as number;
  const rounded = divideRoundedDouble(num, den, rounding);
  return Number.isNaN(rounded) ? undefined : rounded;
}
