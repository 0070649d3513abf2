import { invalidInput } from '../errors/parseInput.js';
import { formatDecimalText } from './_internal/decimalText.js';
import { type CurrencyCode, minorUnitOf, requireMinorUnit } from './currencies.js';

export type { CurrencyCode } from './currencies.js';

/**
 * An amount of money: an integer count of the currency's minor units (cents for EUR, yen
 * for JPY, fils for KWD) and the currency code. Generic in the currency so that mixing
 * currencies is a type error where the codes are known statically.
 * Values built by the library serialise with `JSON.stringify` to
 * `{ "currency": "EUR", "amount": "12.30" }`.
 */
export type Money<C extends CurrencyCode = CurrencyCode> = { readonly minor: bigint; readonly currency: C };

/** The JSON form of {@link Money}: the amount as a decimal string with the currency's decimals. */
export type MoneyJSON = { readonly currency: CurrencyCode; readonly amount: string };

class MoneyValue<C extends CurrencyCode> {
  readonly minor: bigint;
  readonly currency: C;
  constructor(minor: bigint, currency: C) {
    this.minor = minor;
    this.currency = currency;
  }
  toJSON(): MoneyJSON {
    return { currency: this.currency, amount: formatDecimalText(this.minor, minorUnitOf(this.currency) ?? 0) };
  }
  toString(): string {
    return `${this.currency} ${formatDecimalText(this.minor, minorUnitOf(this.currency) ?? 0)}`;
  }
}

/**
 * Money from a count of minor units.
 *
 * @param minor - integer minor units (1230n is 12.30 EUR)
 * @param currency - an ISO 4217 or registered currency code
 * @throws {@link OrderToCashError} `invalid_input` when the currency is unknown or `minor` is not a bigint.
 * @example
 * money(1230n, 'EUR') // EUR 12.30
 * money(500n, 'JPY') // JPY 500
 */
export function money<C extends CurrencyCode>(minor: bigint, currency: C): Money<C> {
  requireMinorUnit(currency, ['currency']);
  if (typeof minor !== 'bigint') invalidInput(['minor'], 'must be a bigint count of minor units, e.g. 1230n');
  return new MoneyValue(minor, currency);
}

/**
 * Money in the currency of an existing value; skips the currency check. For the library's
 * own arithmetic on values already validated.
 */
export function sameCurrencyMoney<C extends CurrencyCode>(minor: bigint, currency: C): Money<C> {
  return new MoneyValue(minor, currency);
}
