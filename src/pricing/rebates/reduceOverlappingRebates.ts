import * as z from 'zod';
import { parseInput } from '../../errors/parseInput.js';
import type { CurrencyCode, Money } from '../../money/Money.js';
import { money } from '../../money/Money.js';
import { divideRounded, type RoundingMode } from '../../money/rounding.js';
import { pow10, type Scaled } from '../../money/Scaled.js';
import { DecimalSchema, RoundingModeSchema } from '../../money/schemas.js';
import type { ReductionBasis } from './RebateDeal.js';

/** A percent deal taking part in the reduction of one source line. */
export type ReducingDeal = {
  readonly id: string;
  readonly percent: Scaled;
  readonly apply: boolean;
  readonly basis: ReductionBasis;
  readonly excludeFromReduction: boolean;
};

/** Which amounts are being computed: provisions (accrual) or rebates (claim). */
export type ReductionStage = 'provision' | 'rebate';

/** One deal's amount on the line, with the reductions that were applied to its base. */
export type ReducedRebate<C extends CurrencyCode> = {
  readonly dealId: string;
  readonly base: Money<C>;
  readonly amount: Money<C>;
  readonly reducedBy: readonly { readonly dealId: string; readonly amount: Money<C> }[];
};

/** Options of {@link reduceOverlappingRebates}. */
export type ReduceOverlappingRebatesOptions = { readonly stage: ReductionStage; readonly rounding: RoundingMode };

const DealsSchema = /* @__PURE__ */ z.array(
  z.object({
    id: z.string().min(1),
    percent: DecimalSchema.refine((v) => v.units >= 0n, { message: 'must not be negative' }),
    apply: z.boolean(),
    basis: z.enum(['provision', 'rebate', 'both']),
    excludeFromReduction: z.boolean(),
  }),
);
const OptionsSchema = /* @__PURE__ */ z.object({ stage: z.enum(['provision', 'rebate']), rounding: RoundingModeSchema });

/**
 * True when a deal with reduction basis `basis` is reduced by amounts of `stage`
 * (reference §2.3: Provision, Rebate, or Both).
 * @example
 * reductionMatches('rebate', 'provision') //=> false
 */
export function reductionMatches(basis: ReductionBasis, stage: ReductionStage): boolean {
  return basis === 'both' || basis === stage;
}

/**
 * Rebate reduction principles of reference §2.3 on one source line: deals are processed in
 * the order given; a deal that applies reduction has its base reduced by the amounts of
 * the deals processed before it on this line, except those marked exclude-from-reduction,
 * when its reduction basis matches the stage (`both` matches provisions and rebates).
 * Each amount is rounded once, to the currency's minor unit.
 *
 * @throws {@link OrderToCashError} `invalid_input` naming the bad field.
 * @example
 * // line 1,000; deals 10 / 15 / 20 / 25 %, processed 1,2,3,4 → 100, 150, 180, 180 (total 610)
 * reduceOverlappingRebates(parseMoney('1000', 'USD'), deals, { stage: 'provision', rounding: 'halfUp' })
 *   .map((r) => r.amount.toString()) //=> ['USD 100.00', 'USD 150.00', 'USD 180.00', 'USD 180.00']
 */
export function reduceOverlappingRebates<C extends CurrencyCode>(
  lineValue: Money<C>,
  deals: readonly ReducingDeal[],
  options: ReduceOverlappingRebatesOptions,
): ReducedRebate<C>[] {
  const valid = parseInput(DealsSchema, deals, ['deals']);
  const { stage, rounding } = parseInput(OptionsSchema, options, ['options']);
  const out: ReducedRebate<C>[] = [];
  for (const deal of valid) {
    const reducedBy: { dealId: string; amount: Money<C> }[] = [];
    let base = lineValue.minor;
    if (deal.apply && reductionMatches(deal.basis, stage)) {
      for (let j = 0; j < out.length; j++) {
        const prev = valid[j];
        const prevAmount = out[j];
        if (prev === undefined || prevAmount === undefined || prev.excludeFromReduction) continue;
        base -= prevAmount.amount.minor;
        reducedBy.push({ dealId: prev.id, amount: prevAmount.amount });
      }
    }
    const amount = divideRounded(base * deal.percent.units, pow10(deal.percent.scale) * 100n, rounding);
    out.push({ dealId: deal.id, base: money(base, lineValue.currency), amount: money(amount, lineValue.currency), reducedBy });
  }
  return out;
}
