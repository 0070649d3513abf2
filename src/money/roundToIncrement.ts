import { invalidInput } from '../errors/parseInput.js';
import { requireMinorUnit } from './currencies.js';
import { type CurrencyCode, type Money, sameCurrencyMoney } from './Money.js';
import { divideRounded, type RoundingMode } from './rounding.js';
import { pow10, type Scaled, scaledOf } from './Scaled.js';

/**
 * `value` rounded to a multiple of `increment` (0.05, 0.25, 10 …); the result has the scale
 * of the increment.
 * @throws {@link OrderToCashError} `invalid_input` when `increment` is not positive.
 * @example
 * roundToIncrement(scaled('12.37'), scaled('0.05'), 'halfUp') // 12.35
 * roundToIncrement(scaled('12.375'), scaled('0.05'), 'halfUp') // 12.40
 */
export function roundToIncrement(value: Scaled, increment: Scaled, rounding: RoundingMode): Scaled {
  if (increment.units <= 0n) invalidInput(['increment'], 'must be positive');
  // value / increment = value.units × 10^inc.scale / (inc.units × 10^value.scale)
  const count = divideRounded(value.units * pow10(increment.scale), increment.units * pow10(value.scale), rounding);
  return scaledOf(count * increment.units, increment.scale);
}

/**
 * Cash rounding: `m` rounded to a multiple of `increment` (in major units: 0.05, 0.10, 1),
 * e.g. for a currency without 1-cent coins.
 * @throws {@link OrderToCashError} `invalid_input` when `increment` is not positive or is finer
 *   than the currency's minor unit.
 * @example
 * roundMoneyToIncrement(parseMoney('12.37', 'CHF'), scaled('0.05'), 'halfUp') // CHF 12.35
 * roundMoneyToIncrement(parseMoney('12.38', 'CHF'), scaled('0.05'), 'halfUp') // CHF 12.40
 */
export function roundMoneyToIncrement<C extends CurrencyCode>(m: Money<C>, increment: Scaled, rounding: RoundingMode): Money<C> {
  const exponent = requireMinorUnit(m.currency, ['currency']);
  if (increment.units <= 0n) invalidInput(['increment'], 'must be positive');
  let step: bigint; // the increment in minor units
  if (increment.scale <= exponent) step = increment.units * pow10(exponent - increment.scale);
  else {
    const divisor = pow10(increment.scale - exponent);
    if (increment.units % divisor !== 0n) invalidInput(['increment'], `is finer than the minor unit of ${m.currency}`);
    step = increment.units / divisor;
  }
  return sameCurrencyMoney(divideRounded(m.minor, step, rounding) * step, m.currency);
}
