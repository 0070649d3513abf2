import { currencyMismatchMessage } from '../errors/messages.js';
import { type IssuePath, OrderToCashError } from '../errors/OrderToCashError.js';
import type { CurrencyCode, Money } from './Money.js';

/**
 * Throws `currency_mismatch` unless `b` is in the currency of `a`; `path` names `b` in the
 * caller's input.
 *
 * @throws {@link OrderToCashError} `currency_mismatch`
 * @example
 * assertSameCurrency(money(1n, 'EUR'), money(2n, 'USD'), ['discountAmount']) // throws
 */
export function assertSameCurrency<C extends CurrencyCode>(a: Money<C>, b: Money, path: IssuePath = []): asserts b is Money<C> {
  if (a.currency !== b.currency) {
    throw new OrderToCashError('currency_mismatch', currencyMismatchMessage(a.currency, b.currency, path), path);
  }
}
