import { divideRounded, type RoundingMode } from '../../money/rounding.js';
import { pow10, type Scaled } from '../../money/Scaled.js';

/** An exact rational n / d with d > 0, in minor units unless said otherwise. */
export type Fraction = { readonly n: bigint; readonly d: bigint };

export const ZERO: Fraction = { n: 0n, d: 1n };
export const ONE: Fraction = { n: 1n, d: 1n };

export const int = (n: bigint): Fraction => ({ n, d: 1n });
export const fromScaled = (s: Scaled): Fraction => ({ n: s.units, d: pow10(s.scale) });
/** A percentage (19 = 19 %) as a fraction. */
export const fromPercent = (s: Scaled): Fraction => ({ n: s.units, d: pow10(s.scale + 2) });

export const add = (a: Fraction, b: Fraction): Fraction =>
  a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
export const sub = (a: Fraction, b: Fraction): Fraction =>
  a.d === b.d ? { n: a.n - b.n, d: a.d } : { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
export const mul = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.n, d: a.d * b.d });
export const div = (a: Fraction, b: Fraction): Fraction => (b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n });
export const min = (a: Fraction, b: Fraction): Fraction => (a.n * b.d <= b.n * a.d ? a : b);
export const isLess = (a: Fraction, b: Fraction): boolean => a.n * b.d < b.n * a.d;
export const roundFraction = (a: Fraction, mode: RoundingMode): bigint => divideRounded(a.n, a.d, mode);

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Reduces a fraction (keeps denominators small on long tax-on-tax chains). */
export function reduce(a: Fraction): Fraction {
  const g = gcd(a.n, a.d);
  return g <= 1n ? a : { n: a.n / g, d: a.d / g };
}

/** Integer weights proportional to the fractions (a common denominator), for allocateMoney. */
export function toWeights(values: readonly Fraction[]): bigint[] {
  let lcm = 1n;
  for (const v of values) if (lcm % v.d !== 0n) lcm = (lcm / gcd(lcm, v.d)) * v.d;
  return values.map((v) => v.n * (lcm / v.d));
}
