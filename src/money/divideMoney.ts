import { divisionByZeroMessage } from '../errors/messages.js';
import { OrderToCashError } from '../errors/OrderToCashError.js';
import { type CurrencyCode, type Money, sameCurrencyMoney } from './Money.js';
import { divideRounded, type RoundingMode } from './rounding.js';
import { pow10, type Scaled } from './Scaled.js';

/** Options of {@link divideMoney}. */
export type DivideMoneyOptions = { readonly rounding: RoundingMode };

/**
 * `m ÷ divisor`, rounded once to the currency's minor unit. To split an amount into parts
 * that add up, use {@link allocateMoney} instead.
 * @throws {@link OrderToCashError} `division_by_zero` when `divisor` is 0.
 * @example
 * divideMoney(parseMoney('10.00', 'EUR'), scaled('3'), { rounding: 'halfUp' }) // EUR 3.33
 */
export function divideMoney<C extends CurrencyCode>(m: Money<C>, divisor: Scaled, options: DivideMoneyOptions): Money<C> {
  if (divisor.units === 0n) throw new OrderToCashError('division_by_zero', divisionByZeroMessage('divideMoney divisor'), ['divisor']);
  return sameCurrencyMoney(divideRounded(m.minor * pow10(divisor.scale), divisor.units, options.rounding), m.currency);
}
