import { type CurrencyCode, type Money, sameCurrencyMoney } from './Money.js';

/**
 * `−m`.
 * @example
 * negateMoney(parseMoney('2.50', 'EUR')) // EUR -2.50
 */
export function negateMoney<C extends CurrencyCode>(m: Money<C>): Money<C> {
  return sameCurrencyMoney(-m.minor, m.currency);
}
