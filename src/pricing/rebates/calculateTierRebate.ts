import { parseInput } from '../../errors/parseInput.js';
import type { CurrencyCode, Money } from '../../money/Money.js';
import { money } from '../../money/Money.js';
import { minorUnitOf } from '../../money/currencies.js';
import { divideRounded, type RoundingMode } from '../../money/rounding.js';
import { pow10, type Scaled } from '../../money/Scaled.js';
import { RoundingModeSchema } from '../../money/schemas.js';
import * as z from 'zod';
import { tierDenominator, tierNumerator, reachedTier } from './_internal/tiers.js';
import type { RebateCalculation, RebateTier, TierMethod } from './RebateDeal.js';

/** Input of {@link calculateTierRebate}: the tiers, their method and the achieved basis. */
export type TierRebateInput<C extends CurrencyCode> = {
  readonly method: TierMethod;
  readonly calculation: RebateCalculation;
  readonly tiers: readonly RebateTier[];
  /** Achieved basis: a quantity, or a value in major units. Negative = net returns (mirrored). */
  readonly basis: Scaled;
  readonly currency: C;
};

/** Options of {@link calculateTierRebate}. */
export type CalculateTierRebateOptions = { readonly rounding: RoundingMode };

/** A tier rebate with its trace: the tier reached (0-based, −1 = none) and the exact amount before rounding. */
export type TierRebate<C extends CurrencyCode> = {
  readonly amount: Money<C>;
  readonly tier: number;
  readonly exact: { readonly numerator: bigint; readonly denominator: bigint };
};

const OptionsSchema = /* @__PURE__ */ z.object({ rounding: RoundingModeSchema });

/**
 * The rebate of a tier table at an achieved basis, by one of the four methods of reference
 * §2.2 (stepped, cumulative, rolling, total), rounded once to the currency's minor unit.
 * A negative basis (credit notes exceed sales) gives the mirrored negative rebate.
 *
 * @throws {@link OrderToCashError} `invalid_input` when `options.rounding` is not a rounding mode.
 * @example
 * const tiers = [{ from: scaled('0'), rate: scaled('10') }, { from: scaled('1000'), rate: scaled('25') }];
 * calculateTierRebate({ method: 'stepped', calculation: 'percent', tiers, basis: scaled('2000'),
 *   currency: 'USD' }, { rounding: 'halfUp' }).amount //=> USD 350.00
 */
export function calculateTierRebate<C extends CurrencyCode>(input: TierRebateInput<C>, options: CalculateTierRebateOptions): TierRebate<C> {
  const { rounding } = parseInput(OptionsSchema, options, ['options']);
  return tierRebateOf(input, rounding);
}

/**
 * Unchecked core of {@link calculateTierRebate}, for callers holding valid values.
 * @example
 * tierRebateOf({ method: 'total', calculation: 'percent', tiers, basis: scaled('2000'), currency: 'USD' }, 'halfUp').amount //=> USD 700.00
 */
export function tierRebateOf<C extends CurrencyCode>(input: TierRebateInput<C>, rounding: RoundingMode): TierRebate<C> {
  const { tiers, basis } = input;
  let bs = basis.scale;
  let rs = 0;
  for (const t of tiers) {
    if (t.from.scale > bs) bs = t.from.scale;
    if (t.rate.scale > rs) rs = t.rate.scale;
  }
  const from = tiers.map((t) => t.from.units * pow10(bs - t.from.scale));
  const rate = tiers.map((t) => t.rate.units * pow10(rs - t.rate.scale));
  const negative = basis.units < 0n;
  const b = (negative ? -basis.units : basis.units) * pow10(bs - basis.scale);
  const n = tierNumerator(input.method, input.calculation, from, rate, b);
  const numerator = negative ? -n : n;
  const denominator = tierDenominator(input.calculation, bs, rs);
  const minor = divideRounded(numerator * pow10(minorUnitOf(input.currency) ?? 0), denominator, rounding);
  return { amount: money(minor, input.currency), tier: reachedTier(from, b), exact: { numerator, denominator } };
}
