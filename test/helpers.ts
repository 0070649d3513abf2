// Shared test helpers: short constructors and the decimal.js oracle (precision 60) that the
// scaled-bigint core is checked against.
import { Decimal } from 'decimal.js';
import { minorUnitOf } from '../src/money/currencies.js';
import type { Money } from '../src/money/Money.js';
import { parseMoney } from '../src/money/parseMoney.js';
import type { RoundingMode } from '../src/money/rounding.js';
import { type Scaled, scaled } from '../src/money/Scaled.js';

export const Oracle: typeof Decimal = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });

export const ORACLE_MODE: Record<RoundingMode, Decimal.Rounding> = {
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceiling: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
  halfUp: Decimal.ROUND_HALF_UP,
  halfDown: Decimal.ROUND_HALF_DOWN,
  halfEven: Decimal.ROUND_HALF_EVEN,
};

export const dec = (s: string | number): Scaled => scaled(s);
export const eur = (s: string | number): Money<'EUR'> => parseMoney(s, 'EUR');
export const usd = (s: string | number): Money<'USD'> => parseMoney(s, 'USD');

/** The exact value of a Scaled as a Decimal. */
export const oracleOf = (s: Scaled): Decimal => new Oracle(s.units.toString()).div(new Oracle(10).pow(s.scale));

/** The exact major-unit value of Money as a Decimal. */
export const oracleOfMoney = (m: Money): Decimal =>
  new Oracle(m.minor.toString()).div(new Oracle(10).pow(minorUnitOf(m.currency) ?? 0));

/** A Decimal rounded to `places` decimals, as integer units at that scale. */
export const oracleUnits = (d: Decimal, places: number, mode: RoundingMode): bigint =>
  BigInt(d.toDecimalPlaces(places, ORACLE_MODE[mode]).times(new Oracle(10).pow(places)).toFixed(0));

/** Deeply frozen copy, to prove a function does not mutate its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
