import { type CurrencyCode, type Money, sameCurrencyMoney } from './Money.js';
import { divideRounded, type RoundingMode } from './rounding.js';
import { pow10, type Scaled } from './Scaled.js';

/** Options of {@link multiplyMoney}. */
export type MultiplyMoneyOptions = { readonly rounding: RoundingMode };

/**
 * `m × factor`, computed exactly and rounded once to the currency's minor unit.
 * @example
 * multiplyMoney(parseMoney('19.99', 'EUR'), scaled('0.925'), { rounding: 'halfUp' }) // EUR 18.49
 */
export function multiplyMoney<C extends CurrencyCode>(m: Money<C>, factor: Scaled, options: MultiplyMoneyOptions): Money<C> {
  const product = m.minor * factor.units;
  if (factor.scale === 0) return sameCurrencyMoney(product, m.currency);
  return sameCurrencyMoney(divideRounded(product, pow10(factor.scale), options.rounding), m.currency);
}
