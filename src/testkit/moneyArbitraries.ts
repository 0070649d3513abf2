import fc from 'fast-check';
import type { CurrencyCode, Money } from '../money/Money.js';
import { money } from '../money/Money.js';
import { ROUNDING_MODES, type RoundingMode } from '../money/rounding.js';
import { type Scaled, scaledOf } from '../money/Scaled.js';

/** Options of {@link scaledArb}. */
export type ScaledArbOptions = {
  /** Smallest and largest scale (default 0–6). */
  readonly minScale?: number;
  readonly maxScale?: number;
  /** Bound on |units| (default 10^12). */
  readonly maxUnits?: bigint;
  /** Only values ≥ 0 (default false). */
  readonly nonNegative?: boolean;
  /** Only values > 0 (default false). */
  readonly positive?: boolean;
};

/**
 * Exact decimals with a bounded scale and magnitude, zero and negatives included unless
 * excluded.
 * @example
 * fc.sample(scaledArb({ maxScale: 2, positive: true }), 1) // e.g. [{ units: 1999n, scale: 2 }]
 */
export function scaledArb(options: ScaledArbOptions = {}): fc.Arbitrary<Scaled> {
  const maxUnits = options.maxUnits ?? 1_000_000_000_000n;
  const min = options.positive === true ? 1n : options.nonNegative === true ? 0n : -maxUnits;
  return fc
    .tuple(fc.bigInt({ min, max: maxUnits }), fc.integer({ min: options.minScale ?? 0, max: options.maxScale ?? 6 }))
    .map(([units, scale]) => scaledOf(units, scale));
}

/**
 * Currency codes of every ISO exponent (0, 2, 3, 4 decimals).
 * @example
 * fc.sample(currencyCodeArb(), 1) // e.g. ['KWD']
 */
export function currencyCodeArb(): fc.Arbitrary<CurrencyCode> {
  return fc.constantFrom('EUR', 'USD', 'JPY', 'KWD', 'CLF', 'CHF', 'GBP');
}

/** Options of {@link moneyArb}. */
export type MoneyArbOptions = {
  /** Bound on |minor units| (default 10^12). */
  readonly maxMinor?: bigint;
  /** Only amounts ≥ 0 (default false). */
  readonly nonNegative?: boolean;
};

/**
 * Money in `currency` (or in a generated currency when omitted).
 * @example
 * fc.sample(moneyArb('EUR', { nonNegative: true }), 1) // e.g. [EUR 12.30]
 */
export function moneyArb<C extends CurrencyCode>(currency?: C, options: MoneyArbOptions = {}): fc.Arbitrary<Money<C>> {
  const max = options.maxMinor ?? 1_000_000_000_000n;
  const minor = fc.bigInt({ min: options.nonNegative === true ? 0n : -max, max });
  const code = currency === undefined ? (currencyCodeArb() as fc.Arbitrary<C>) : fc.constant(currency);
  return fc.tuple(minor, code).map(([m, c]) => money(m, c));
}

/**
 * Every rounding mode.
 * @example
 * fc.sample(roundingModeArb(), 1) // e.g. ['halfEven']
 */
export function roundingModeArb(): fc.Arbitrary<RoundingMode> {
  return fc.constantFrom(...ROUNDING_MODES);
}
