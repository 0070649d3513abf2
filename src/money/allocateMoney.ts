import { emptyAllocationMessage } from '../errors/messages.js';
import { OrderToCashError } from '../errors/OrderToCashError.js';
import { invalidInput } from '../errors/parseInput.js';
import { type CurrencyCode, type Money, sameCurrencyMoney } from './Money.js';
import { pow10, type Scaled } from './Scaled.js';

/** A share weight: a non-negative decimal or integer. Only the proportions matter. */
export type Ratio = Scaled | bigint;

/**
 * Splits `amount` in proportion to `ratios` so that the parts add up to `amount` exactly
 * (largest remainder method). Each part is its exact share rounded down or up by less than
 * one minor unit. The minor units left after rounding down go to the largest remainders;
 * ties go to the larger ratio, then to the earlier position, so the result is deterministic
 * and does not depend on the order of equal ratios. A negative amount is split as its
 * absolute value and negated. Zero ratios get zero.
 *
 * @param amount - what to split
 * @param ratios - one non-negative weight per part, at least one positive
 * @returns one part per ratio, in the order of `ratios`
 * @throws {@link OrderToCashError} `empty_allocation` when there are no ratios or all are zero;
 *   `invalid_input` at `['ratios', i]` for a negative ratio.
 * @example
 * allocateMoney(parseMoney('100.00', 'EUR'), [1n, 1n, 1n]) // EUR 33.34, 33.33, 33.33
 * allocateMoney(parseMoney('8.49', 'EUR'), [scaled('50'), scaled('50')]) // EUR 4.25, 4.24
 */
export function allocateMoney<C extends CurrencyCode>(amount: Money<C>, ratios: readonly Ratio[]): Money<C>[] {
  const weights = toIntegerWeights(ratios);
  let total = 0n;
  for (const w of weights) total += w;
  if (total === 0n) throw new OrderToCashError('empty_allocation', emptyAllocationMessage(), ['ratios']);

  const negative = amount.minor < 0n;
  const whole = negative ? -amount.minor : amount.minor;
  const shares: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const w of weights) {
    const exact = whole * w;
    const share = exact / total;
    shares.push(share);
    remainders.push(exact - share * total);
    given += share;
  }
  let left = whole - given; // < number of non-zero remainders
  if (left > 0n) {
    const order = weights.map((_, i) => i);
    order.sort((i, j) => cmpDesc(remainders[i] as bigint, remainders[j] as bigint) || cmpDesc(weights[i] as bigint, weights[j] as bigint) || i - j);
    for (const i of order) {
      if (left === 0n) break;
      shares[i] = (shares[i] as bigint) + 1n;
      left--;
    }
  }
  return shares.map((s) => sameCurrencyMoney(negative ? -s : s, amount.currency));
}

function cmpDesc(a: bigint, b: bigint): number {
  return a > b ? -1 : a < b ? 1 : 0;
}

// Brings every ratio to one scale so that they compare as integers.
function toIntegerWeights(ratios: readonly Ratio[]): bigint[] {
  if (ratios.length === 0) throw new OrderToCashError('empty_allocation', emptyAllocationMessage(), ['ratios']);
  let scale = 0;
  for (const r of ratios) if (typeof r !== 'bigint' && r.scale > scale) scale = r.scale;
  return ratios.map((r, i) => {
    const w = typeof r === 'bigint' ? r * pow10(scale) : r.units * pow10(scale - r.scale);
    if (w < 0n) invalidInput(['ratios', i], 'must not be negative');
    return w;
  });
}
