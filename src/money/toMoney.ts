import { requireMinorUnit } from './currencies.js';
import { type CurrencyCode, type Money, sameCurrencyMoney } from './Money.js';
import { divideRounded, type RoundingMode } from './rounding.js';
import { pow10, type Scaled, scaledOf } from './Scaled.js';

/** Options of {@link toMoney}. */
export type ToMoneyOptions = { readonly rounding: RoundingMode };

/**
 * Rounds an exact decimal amount (in major units) to money in `currency`.
 *
 * @throws {@link OrderToCashError} `invalid_input` when the currency is unknown.
 * @example
 * toMoney(scaled('12.345'), 'EUR', { rounding: 'halfEven' }) // EUR 12.34
 * toMoney(scaled('12.345'), 'EUR', { rounding: 'halfUp' }) // EUR 12.35
 */
export function toMoney<C extends CurrencyCode>(value: Scaled, currency: C, options: ToMoneyOptions): Money<C> {
  const exponent = requireMinorUnit(currency, ['currency']);
  if (value.scale <= exponent) return sameCurrencyMoney(value.units * pow10(exponent - value.scale), currency);
  return sameCurrencyMoney(divideRounded(value.units, pow10(value.scale - exponent), options.rounding), currency);
}

/**
 * The amount of `m` in major units as an exact decimal with the currency's decimals.
 * @example
 * moneyToScaled(parseMoney('12.30', 'EUR')) //=> { units: 1230n, scale: 2 }
 */
export function moneyToScaled(m: Money): Scaled {
  return scaledOf(m.minor, requireMinorUnit(m.currency, ['currency']));
}
