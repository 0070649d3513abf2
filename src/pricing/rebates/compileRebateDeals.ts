import * as z from 'zod';
import type { CalendarDate } from '../../calendar/CalendarDate.js';
import { parseInput } from '../../errors/parseInput.js';
import { minorUnitOf } from '../../money/currencies.js';
import { pow10 } from '../../money/Scaled.js';
import { exactDouble } from '../_internal/integerDoubles.js';
import { dateKey } from '../../calendar/_internal/dateKey.js';
import { periodEndOf } from './_internal/periods.js';
import { type RebateDeal, RebateDealSchema, type RebateScope, type RebateStage } from './RebateDeal.js';

/** A deal prepared for the accrual loop: tiers as integers at fixed scales, scopes as sets. */
export type CompiledDeal = {
  readonly deal: RebateDeal;
  /** Position in processing order (processingOrder, then id). */
  readonly rank: number;
  readonly basisScale: number;
  readonly rateScale: number;
  readonly from: readonly bigint[];
  readonly rate: readonly bigint[];
  /**
   * The tier numerator as a line per tier k: offset[k] + slope[k] × basis equals
   * `tierNumerator` for a basis in tier k (reference §2.2 methods, folded at compile time).
   */
  readonly tierOffset: readonly bigint[];
  readonly tierSlope: readonly bigint[];
  readonly minorFactor: bigint;
  /** 10^(basisScale − currency minor unit): minor units of a value basis to the basis scale. */
  readonly minorScaleUp: bigint;
  readonly denominator: bigint;
  /** denominator / minorFactor when it divides evenly, else 0n: one product fewer per line. */
  readonly minorDenominator: bigint;
  readonly itemIds: ReadonlySet<string> | undefined;
  readonly itemGroups: ReadonlySet<string> | undefined;
  /** The deal's filters and flags, copied out of `deal` for the accrual loop. */
  readonly stage: RebateStage;
  readonly includeCreditNotes: boolean;
  readonly validFrom: CalendarDate;
  readonly validTo: CalendarDate | undefined;
  /** Validity as YYYYMMDD numbers (no end: 99999999), compared without string calls. */
  readonly validFromKey: number;
  readonly validToKey: number;
  readonly valueBasis: boolean;
  /** Earlier deals' provisions reduce this deal's value basis (reference §2.3). */
  readonly reducedByProvisions: boolean;
  /** This deal's provisions reduce later deals. */
  readonly reducesOthers: boolean;
  /**
   * The tier figures as exact integer doubles for accrual's fast path (the same arithmetic
   * without a bigint per operation); undefined when one of them is not a safe integer.
   */
  readonly doubles:
    | {
        readonly from: readonly number[];
        readonly tierOffset: readonly number[];
        readonly tierSlope: readonly number[];
        readonly minorScaleUp: number;
        readonly minorFactor: number;
        readonly denominator: number;
        readonly minorDenominator: number;
      }
    | undefined;
};

/** Validated deals indexed for accrual: by customer id, by customer group and for all customers. */
export type RebateProgram = {
  readonly deals: readonly CompiledDeal[];
  readonly byCustomer: ReadonlyMap<string, readonly CompiledDeal[]>;
  readonly byGroup: ReadonlyMap<string, readonly CompiledDeal[]>;
  readonly forAll: readonly CompiledDeal[];
};

const DealsSchema = /* @__PURE__ */ z.array(RebateDealSchema).superRefine((deals, ctx) => {
  const seen = new Set<string>();
  deals.forEach((d, i) => {
    if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate deal id ${JSON.stringify(d.id)}` });
    seen.add(d.id);
  });
});

/**
 * Validates rebate deals and indexes them for {@link accrueRebates}, {@link trueUpRebates}
 * and {@link forecastRebate}. Deals are ranked by `processingOrder`, ties by id: the order
 * in which overlapping deals reduce each other (reference §2.3).
 *
 * @throws {@link OrderToCashError} `invalid_input` naming the bad field, e.g. `deals[2].tiers[1].from`.
 * @example
 * const program = compileRebateDeals([dealInput]);
 * program.deals.length //=> 1
 */
export function compileRebateDeals(deals: unknown): RebateProgram {
  const valid = parseInput(DealsSchema, deals, ['deals']);
  const sorted = [...valid].sort((a, b) => a.processingOrder - b.processingOrder || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const compiled = sorted.map((deal, rank) => compileDeal(deal, rank));
  const byCustomer = new Map<string, CompiledDeal[]>();
  const byGroup = new Map<string, CompiledDeal[]>();
  const forAll: CompiledDeal[] = [];
  for (const c of compiled) {
    const scope = c.deal.customers;
    if (scope.kind === 'all') forAll.push(c);
    else if (scope.kind === 'table') for (const id of new Set(scope.ids)) push(byCustomer, id, c);
    else for (const g of new Set(scope.groups)) push(byGroup, g, c);
  }
  return { deals: compiled, byCustomer, byGroup, forAll };
}

function push(map: Map<string, CompiledDeal[]>, key: string, c: CompiledDeal): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [c]);
  else list.push(c);
}

function scopeSet(scope: RebateScope, kind: 'table' | 'group'): ReadonlySet<string> | undefined {
  if (scope.kind !== kind) return undefined;
  return new Set(scope.kind === 'table' ? scope.ids : scope.kind === 'group' ? scope.groups : []);
}

function compileDeal(deal: RebateDeal, rank: number): CompiledDeal {
  const minor = minorUnitOf(deal.currency) ?? 0;
  let bs = deal.basis.measure === 'value' ? minor : 0;
  let rs = 0;
  for (const t of deal.tiers) {
    if (t.from.scale > bs) bs = t.from.scale;
    if (t.rate.scale > rs) rs = t.rate.scale;
  }
  if (deal.basis.measure === 'quantity' && bs < 6) bs = 6;
  const denominator = deal.calculation === 'fixedAmount' ? pow10(rs) : pow10(bs + rs) * (deal.calculation === 'percent' ? 100n : 1n);
  const from = deal.tiers.map((t) => t.from.units * pow10(bs - t.from.scale));
  const rate = deal.tiers.map((t) => t.rate.units * pow10(rs - t.rate.scale));
  const { offset, slope } = tierLines(deal, from, rate);
  const minorDenominator = denominator % pow10(minor) === 0n ? denominator / pow10(minor) : 0n;
  return {
    deal,
    rank,
    basisScale: bs,
    rateScale: rs,
    from,
    rate,
    tierOffset: offset,
    tierSlope: slope,
    minorFactor: pow10(minor),
    minorScaleUp: pow10(bs - minor),
    denominator,
    minorDenominator,
    itemIds: scopeSet(deal.items, 'table'),
    itemGroups: scopeSet(deal.items, 'group'),
    stage: deal.basis.stage,
    includeCreditNotes: deal.basis.includeCreditNotes,
    validFrom: deal.validFrom,
    validTo: deal.validTo,
    validFromKey: dateKey(deal.validFrom),
    validToKey: deal.validTo === undefined ? 99_999_999 : dateKey(deal.validTo),
    valueBasis: deal.basis.measure === 'value',
    reducedByProvisions: deal.reduction.apply && deal.reduction.basis !== 'rebate' && deal.basis.measure === 'value',
    reducesOthers: !deal.reduction.excludeFromReduction && deal.basis.measure === 'value',
    doubles: doublesOf(from, offset, slope, [pow10(bs - minor), pow10(minor), denominator, minorDenominator]),
  };
}

function doublesOf(from: readonly bigint[], offset: readonly bigint[], slope: readonly bigint[], scalars: readonly bigint[]): CompiledDeal['doubles'] {
  const all = [...from, ...offset, ...slope, ...scalars].map(exactDouble);
  if (all.some((x) => Number.isNaN(x))) return undefined;
  const k = from.length;
  const [minorScaleUp, minorFactor, denominator, minorDenominator] = all.slice(3 * k) as [number, number, number, number];
  return { from: all.slice(0, k), tierOffset: all.slice(k, 2 * k), tierSlope: all.slice(2 * k, 3 * k), minorScaleUp, minorFactor, denominator, minorDenominator };
}

// Within tier k every method is linear in the basis b (k = highest tier with from[k] ≤ b):
//   cumulative  rate[k]·b
//   stepped     Σ_{i<k} rate[i]·(from[i+1] − from[i]) + rate[k]·(b − from[k])
//   rolling     Σ_{i<k} rate[i]·from[i+1] + rate[k]·b
//   total       (Σ_{i≤k} rate[i])·b
// and a fixed amount is a constant: rate[k] (cumulative) or Σ_{i≤k} rate[i].
function tierLines(deal: RebateDeal, from: readonly bigint[], rate: readonly bigint[]): { offset: bigint[]; slope: bigint[] } {
  const offset: bigint[] = [];
  const slope: bigint[] = [];
  let below = 0n; // Σ over the tiers below k, per method
  let rates = 0n;
  for (let k = 0; k < from.length; k++) {
    const r = rate[k] as bigint;
    const f = from[k] as bigint;
    rates += r;
    if (deal.calculation === 'fixedAmount') {
      offset.push(deal.tierMethod === 'cumulative' ? r : rates);
      slope.push(0n);
      continue;
    }
    switch (deal.tierMethod) {
      case 'cumulative':
        offset.push(0n);
        slope.push(r);
        break;
      case 'stepped':
        offset.push(below - r * f);
        slope.push(r);
        break;
      case 'rolling':
        offset.push(below);
        slope.push(r);
        break;
      case 'total':
        offset.push(0n);
        slope.push(rates);
        break;
    }
    const next = from[k + 1];
    if (next !== undefined) below += deal.tierMethod === 'stepped' ? r * (next - f) : r * next;
  }
  return { offset, slope };
}

/**
 * End of the calculation period of `deal` holding `date`.
 * @example
 * calculationPeriodEnd(quarterlyDeal, calendarDate('2026-02-14')) //=> '2026-03-31'
 */
export function calculationPeriodEnd(c: CompiledDeal, date: CalendarDate): CalendarDate {
  return periodEndOf(c.deal.calculationPeriod, date, c.deal.validTo);
}
