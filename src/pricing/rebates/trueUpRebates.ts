import * as z from 'zod';
import { type CalendarDate, CalendarDateSchema } from '../../calendar/CalendarDate.js';
import { parseInput } from '../../errors/parseInput.js';
import { allocateMoney } from '../../money/allocateMoney.js';
import type { Money } from '../../money/Money.js';
import { sameCurrencyMoney } from '../../money/Money.js';
import { divideRounded, type RoundingMode } from '../../money/rounding.js';
import { type Scaled, scaledOf } from '../../money/Scaled.js';
import { RoundingModeSchema } from '../../money/schemas.js';
import { periodEndOf } from './_internal/periods.js';
import { reachedTier, tierNumerator } from './_internal/tiers.js';
import { entryOf, tableOf } from './_internal/accrualStates.js';
import type { AccrualState, AppliedReduction, ProvisionEntry } from './AccrualState.js';
import type { CompiledDeal, RebateProgram } from './compileRebateDeals.js';

/** An adjustment (delta claim) booked by a true-up. Append-only: earlier ones are never changed. */
export type RebateAdjustment = {
  /** `trueup|dealId|customerId|periodEnd|n`, n = number of earlier adjustments of the period. */
  readonly key: string;
  readonly dealId: string;
  readonly customerId: string;
  readonly periodEnd: CalendarDate;
  readonly amount: Money;
};

/** An amount already claimed (paid or credited to the customer) for a deal, customer and period. */
export type RebateClaim = { readonly dealId: string; readonly customerId: string; readonly periodEnd: CalendarDate; readonly amount: Money };

/** Options of {@link trueUpRebates}. */
export type TrueUpRebatesOptions = {
  /** Last day of the calculation period being closed. */
  readonly periodEnd: CalendarDate;
  readonly rounding: RoundingMode;
  /** Adjustments booked by earlier true-ups of this period. */
  readonly adjustments?: readonly RebateAdjustment[] | undefined;
  /** Amounts already claimed for the period. */
  readonly claims?: readonly RebateClaim[] | undefined;
};

/** The close of one deal, customer and period, with its trace. */
export type RebateSettlement = {
  readonly dealId: string;
  readonly customerId: string;
  readonly periodEnd: CalendarDate;
  /** Last day of the claim period holding this calculation period. */
  readonly claimPeriodEnd: CalendarDate;
  /** Net basis of the period (after reductions, credit notes netted). */
  readonly basis: Scaled;
  /** Tier reached by the period's basis (0-based, −1 = none). */
  readonly tier: number;
  /** Tier amount of the period basis, rounded once, raised to the deal's minimum amount when below it. */
  readonly earned: Money;
  /** Whether the deal's `minimumAmount` replaced a lower tier amount. */
  readonly minimumApplied: boolean;
  readonly provided: Money;
  readonly priorAdjustments: Money;
  /** earned − provided − priorAdjustments: the adjustment booked now. */
  readonly delta: Money;
  readonly claimed: Money;
  /** earned − claimed: what is still to be paid or credited. */
  readonly toClaim: Money;
  /** The write-off of each source line (variance between its provision and its share of the rebate), by provision key. Sums to `delta`. */
  readonly writeOffs: readonly { readonly key: string; readonly amount: Money }[];
  /** Keys of the basis lines and every reduction applied on them. */
  readonly trace: { readonly basisLines: readonly string[]; readonly reductions: readonly AppliedReduction[] };
};

/** Result of {@link trueUpRebates}. */
export type TrueUpResult = { readonly settlements: readonly RebateSettlement[]; readonly adjustments: readonly RebateAdjustment[] };

const OptionsSchema = /* @__PURE__ */ z.object({ periodEnd: CalendarDateSchema, rounding: RoundingModeSchema });

/**
 * Period-end claim and true-up (reference §2.4 and §2.6): per deal and customer, the tier
 * amount of the period's whole basis is the rebate earned (tier changes are retroactive for
 * the period; a deal's `minimumAmount` raises a lower amount to it); the difference to the
 * provisions and earlier adjustments is booked as a new adjustment, and spread over the source lines (by |basis|, with `allocateMoney`) as their
 * write-offs. After it, provisions + adjustments = earned. Re-running with the returned
 * adjustments books nothing more.
 *
 * @throws {@link OrderToCashError} `invalid_input` when periodEnd or rounding is invalid.
 * @example
 * // 40 units → 800, 60 units → 2,400 provided; the period's 100 units earn 4,000
 * trueUpRebates(program, state, { periodEnd: calendarDate('2026-01-31'), rounding: 'halfUp' })
 *   .adjustments[0].amount.toString() //=> 'USD 800.00'
 */
export function trueUpRebates(program: RebateProgram, provisions: AccrualState, options: TrueUpRebatesOptions): TrueUpResult {
  const { periodEnd, rounding } = parseInput(OptionsSchema, { periodEnd: options.periodEnd, rounding: options.rounding }, ['options']);
  // Only the rows of the closed period become entry objects.
  const t = tableOf(provisions);
  const buckets = new Map<string, ProvisionEntry[]>();
  for (let r = 0; r < t.size; r++) {
    if (t.periodEnd[r] !== periodEnd) continue;
    const e = entryOf(t, r);
    const k = `${e.dealId}|${e.customerId}`;
    const list = buckets.get(k);
    if (list === undefined) buckets.set(k, [e]);
    else list.push(e);
  }
  const dealsById = new Map(program.deals.map((c) => [c.deal.id, c]));
  const settlements: RebateSettlement[] = [];
  const adjustments: RebateAdjustment[] = [];
  for (const bucketKey of [...buckets.keys()].sort()) {
    const entries = (buckets.get(bucketKey) as ProvisionEntry[]).sort((x, y) => (x.key < y.key ? -1 : 1));
    const first = entries[0] as ProvisionEntry;
    const c = dealsById.get(first.dealId);
    if (c === undefined) continue;
    const s = settle(c, first.customerId, periodEnd, entries, options, rounding);
    settlements.push(s.settlement);
    if (s.adjustment !== undefined) adjustments.push(s.adjustment);
  }
  return { settlements, adjustments };
}

function settle(
  c: CompiledDeal,
  customerId: string,
  periodEnd: CalendarDate,
  entries: readonly ProvisionEntry[],
  options: TrueUpRebatesOptions,
  rounding: RoundingMode,
): { settlement: RebateSettlement; adjustment: RebateAdjustment | undefined } {
  const d = c.deal;
  const cur = d.currency;
  let b = 0n;
  let provided = 0n;
  const reductions: AppliedReduction[] = [];
  for (const e of entries) {
    b += e.basis.units;
    provided += e.amount.minor;
    reductions.push(...e.reductions);
  }
  const negative = b < 0n;
  const abs = negative ? -b : b;
  const n = tierNumerator(d.tierMethod, d.calculation, c.from, c.rate, abs);
  // One rounding: the period's exact tier amount to the currency's minor unit.
  const tierAmount = divideRounded((negative ? -n : n) * c.minorFactor, c.denominator, rounding);
  // reference §2.1: the minimum rebate per period (it may be negative).
  const minimum = d.minimumAmount?.minor;
  const minimumApplied = minimum !== undefined && tierAmount < minimum;
  const earned = minimumApplied ? minimum : tierAmount;
  const mine = (x: { dealId: string; customerId: string; periodEnd: CalendarDate }): boolean =>
    x.dealId === d.id && x.customerId === customerId && x.periodEnd === periodEnd;
  const prior = (options.adjustments ?? []).filter(mine);
  let priorSum = 0n;
  for (const a of prior) priorSum += a.amount.minor;
  let claimed = 0n;
  for (const cl of (options.claims ?? []).filter(mine)) claimed += cl.amount.minor;
  const delta = earned - provided - priorSum;
  const weights = entries.map((e) => (e.basis.units < 0n ? -e.basis.units : e.basis.units));
  const spread = weights.some((w) => w > 0n) ? weights : entries.map(() => 1n);
  const parts = allocateMoney(sameCurrencyMoney(delta, cur), spread);
  const m = (v: bigint): Money => sameCurrencyMoney(v, cur);
  const settlement: RebateSettlement = {
    dealId: d.id,
    customerId,
    periodEnd,
    claimPeriodEnd: periodEndOf(d.claimPeriod, periodEnd, d.validTo),
    basis: scaledOf(b, c.basisScale),
    tier: reachedTier(c.from, abs),
    earned: m(earned),
    minimumApplied,
    provided: m(provided),
    priorAdjustments: m(priorSum),
    delta: m(delta),
    claimed: m(claimed),
    toClaim: m(earned - claimed),
    writeOffs: entries.map((e, i) => ({ key: e.key, amount: parts[i] as Money })),
    trace: { basisLines: entries.map((e) => e.key), reductions },
  };
  const adjustment =
    delta === 0n ? undefined : { key: `trueup|${d.id}|${customerId}|${periodEnd}|${prior.length}`, dealId: d.id, customerId, periodEnd, amount: m(delta) };
  return { settlement, adjustment };
}
