import { assertSameCurrency } from './assertSameCurrency.js';
import { type CurrencyCode, type Money, money, sameCurrencyMoney } from './Money.js';

/**
 * Exact sum of amounts in one currency; `currency` gives the result of an empty sum.
 * @throws {@link OrderToCashError} `currency_mismatch` at `['items', i]` for an item in another currency.
 * @example
 * sumMoney([parseMoney('1.10', 'EUR'), parseMoney('2.25', 'EUR')], 'EUR') // EUR 3.35
 * sumMoney([], 'EUR') // EUR 0.00
 */
export function sumMoney<C extends CurrencyCode>(items: Iterable<Money<NoInfer<C>>>, currency: C): Money<C> {
  const zero = money(0n, currency);
  let total = 0n;
  let i = 0;
  for (const item of items) {
    assertSameCurrency(zero, item, ['items', i]);
    total += item.minor;
    i++;
  }
  return sameCurrencyMoney(total, currency);
}
