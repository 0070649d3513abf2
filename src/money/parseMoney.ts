import { invalidInput } from '../errors/parseInput.js';
import { formatDecimalText } from './_internal/decimalText.js';
import { requireMinorUnit } from './currencies.js';
import { type CurrencyCode, type Money, sameCurrencyMoney } from './Money.js';
import { type DecimalInput, pow10, scaled } from './Scaled.js';

/**
 * Money from a decimal amount in major units, exactly: `"12.30"` EUR is 1230 cents. An amount
 * with more decimals than the currency has is refused rather than rounded silently.
 *
 * @param amount - decimal string (`"12.30"`) or safe integer
 * @param currency - an ISO 4217 or registered code
 * @param path - where the amount sits in the caller's input, for the error
 * @throws {@link OrderToCashError} `invalid_input` for a malformed amount, an unknown currency,
 *   or too many decimals (round first with `toMoney(scaled(x), currency, { rounding })`).
 * @example
 * parseMoney('12.30', 'EUR') // EUR 12.30, minor 1230n
 * parseMoney(5, 'JPY') // JPY 5
 * parseMoney('1.005', 'EUR') // throws invalid_input: EUR has 2 decimals
 */
export function parseMoney<C extends CurrencyCode>(amount: DecimalInput, currency: C, path: readonly (string | number)[] = []): Money<C> {
  const exponent = requireMinorUnit(currency, [...path.slice(0, -1), 'currency']);
  const value = scaled(amount, path);
  if (value.scale <= exponent) return sameCurrencyMoney(value.units * pow10(exponent - value.scale), currency);
  // Trailing zeros beyond the currency's decimals are harmless ("12.300" EUR).
  const excess = pow10(value.scale - exponent);
  if (value.units % excess === 0n) return sameCurrencyMoney(value.units / excess, currency);
  return invalidInput(
    path,
    `has ${value.scale} decimals but ${currency} has ${exponent}: round it first, e.g. toMoney(scaled("${formatDecimalText(value.units, value.scale)}"), '${currency}', { rounding: 'halfUp' })`,
  );
}
