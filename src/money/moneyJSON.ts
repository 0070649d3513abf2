import { formatDecimalText } from './_internal/decimalText.js';
import { requireMinorUnit } from './currencies.js';
import type { Money, MoneyJSON } from './Money.js';
import { parseMoney } from './parseMoney.js';

/**
 * The JSON form of `m`: the amount as a decimal string with exactly the currency's
 * decimals, never a float.
 * @example
 * moneyToJSON(parseMoney('12.3', 'EUR')) //=> { currency: 'EUR', amount: '12.30' }
 */
export function moneyToJSON(m: Money): MoneyJSON {
  return { currency: m.currency, amount: formatDecimalText(m.minor, requireMinorUnit(m.currency, ['currency'])) };
}

/**
 * Money from its JSON form; the inverse of {@link moneyToJSON}. The amount may be a decimal
 * string or a safe integer, with at most the currency's decimals.
 * @throws {@link OrderToCashError} `invalid_input` at `[...path, 'amount']` or `[...path, 'currency']`.
 * @example
 * moneyFromJSON({ currency: 'KWD', amount: '1.250' }) // KWD 1.250, minor 1250n
 */
export function moneyFromJSON(json: { readonly currency: string; readonly amount: string | number }, path: readonly (string | number)[] = []): Money {
  return parseMoney(json.amount, json.currency, [...path, 'amount']);
}
