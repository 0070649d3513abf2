import { assertSameCurrency } from './assertSameCurrency.js';
import { type CurrencyCode, type Money, sameCurrencyMoney } from './Money.js';

/**
 * `a − b`, exactly; both in one currency.
 * @throws {@link OrderToCashError} `currency_mismatch` when `b` is in another currency.
 * @example
 * subtractMoney(parseMoney('1.10', 'EUR'), parseMoney('2.25', 'EUR')) // EUR -1.15
 */
export function subtractMoney<C extends CurrencyCode>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  assertSameCurrency(a, b, ['b']);
  return sameCurrencyMoney(a.minor - b.minor, a.currency);
}
