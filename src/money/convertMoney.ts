import { invalidInput } from '../errors/parseInput.js';
import { requireMinorUnit } from './currencies.js';
import { type CurrencyCode, type Money, sameCurrencyMoney } from './Money.js';
import { divideRounded, type RoundingMode } from './rounding.js';
import { pow10, type Scaled } from './Scaled.js';

/** Options of {@link convertMoney}. */
export type ConvertMoneyOptions<To extends CurrencyCode> = {
  /** Target currency. */
  readonly to: To;
  /** Units of `to` per one unit of the source currency, e.g. 1.0832 USD per EUR. */
  readonly rate: Scaled;
  readonly rounding: RoundingMode;
};

/**
 * Converts `m` into another currency at an explicit rate, rounded once to the target's minor
 * unit. The rate is an input: the library never looks one up.
 *
 * @throws {@link OrderToCashError} `invalid_input` when the rate is not positive or a currency is unknown.
 * @example
 * convertMoney(parseMoney('100.00', 'EUR'), { to: 'USD', rate: scaled('1.0832'), rounding: 'halfUp' }) // USD 108.32
 * convertMoney(parseMoney('10.00', 'USD'), { to: 'JPY', rate: scaled('151.237'), rounding: 'halfUp' }) // JPY 1512
 */
export function convertMoney<From extends CurrencyCode, To extends CurrencyCode>(m: Money<From>, options: ConvertMoneyOptions<To>): Money<To> {
  const { to, rate, rounding } = options;
  if (rate.units <= 0n) invalidInput(['rate'], 'must be positive');
  const fromExp = requireMinorUnit(m.currency, ['currency']);
  const toExp = requireMinorUnit(to, ['to']);
  // minor_to = minor_from / 10^fromExp × rate × 10^toExp
  let numerator = m.minor * rate.units;
  let denominator = pow10(rate.scale);
  if (toExp >= fromExp) numerator *= pow10(toExp - fromExp);
  else denominator *= pow10(fromExp - toExp);
  return sameCurrencyMoney(divideRounded(numerator, denominator, rounding), to);
}
