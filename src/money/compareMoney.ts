import { assertSameCurrency } from './assertSameCurrency.js';
import type { CurrencyCode, Money } from './Money.js';

/**
 * −1, 0 or 1 as `a` is less than, equal to or greater than `b`; both in one currency.
 * @throws {@link OrderToCashError} `currency_mismatch` when `b` is in another currency.
 * @example
 * compareMoney(parseMoney('1.00', 'EUR'), parseMoney('2.00', 'EUR')) //=> -1
 */
export function compareMoney<C extends CurrencyCode>(a: Money<C>, b: Money<NoInfer<C>>): -1 | 0 | 1 {
  assertSameCurrency(a, b, ['b']);
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

/**
 * True when `a` and `b` are the same amount in the same currency.
 * @example
 * equalsMoney(parseMoney('1.00', 'EUR'), parseMoney('1', 'EUR')) //=> true
 * equalsMoney(parseMoney('1.00', 'EUR'), parseMoney('1.00', 'USD')) //=> false
 */
export function equalsMoney(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.minor === b.minor;
}
