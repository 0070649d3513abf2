import * as z from 'zod';
import type { CalendarDate } from '../../calendar/CalendarDate.js';
import { parseInput } from '../../errors/parseInput.js';
import { assertSameCurrency } from '../../money/assertSameCurrency.js';
import { sameCurrencyMoney } from '../../money/Money.js';
import { divideRounded, type RoundingMode } from '../../money/rounding.js';
import { pow10 } from '../../money/Scaled.js';
import { RoundingModeSchema } from '../../money/schemas.js';
import { entryOf, keyReused, stateOf, tableOf } from './_internal/accrualStates.js';
import {
  amountAt,
  appendFullRow,
  appendRow,
  basisAt,
  cloneTable,
  dealHash,
  dealIndex,
  dealOf,
  emptyTable,
  findRow,
  keyHash,
  lineHash,
  type ProvisionTable,
  rowOf,
  sameFigures,
} from './_internal/provisionTable.js';
import { reachedTier } from './_internal/tiers.js';
import type { AccrualState, AppliedReduction, ProvisionEntry } from './AccrualState.js';
import { type CompiledDeal, calculationPeriodEnd, type RebateProgram } from './compileRebateDeals.js';
import type { RebateSourceLine } from './RebateDeal.js';

export type { AccrualState, AppliedReduction, ProvisionEntry } from './AccrualState.js';

/** Options of {@link accrueRebates}. */
export type AccrueRebatesOptions = {
  /** Rounding of each provision to the deal currency's minor unit. */
  readonly rounding: RoundingMode;
  /** Provisions accrued before; lines already in it add nothing. */
  readonly state?: AccrualState | undefined;
};

/** Result of {@link accrueRebates}: the new state and only the entries it added. */
export type AccrualResult = { readonly state: AccrualState; readonly entries: readonly ProvisionEntry[] };

const RoundingSchema = /* @__PURE__ */ z.object({ rounding: RoundingModeSchema });
const EMPTY: AccrualState = /* @__PURE__ */ stateOf(/* @__PURE__ */ emptyTable());

/**
 * The empty accrual state, neutral element of {@link mergeAccruals}.
 * @example
 * emptyAccrual().size //=> 0
 */
export function emptyAccrual(): AccrualState {
  return EMPTY;
}

/**
 * Accrues provisions: one entry per source line and matching deal (customer and item
 * scope, stage, validity, credit notes when included). Each provision is the tier amount of
 * the line alone (the legacy per-line claim of reference §2.6), rounded once; the period
 * true-up ({@link trueUpRebates}) later settles the difference to the period's tier.
 * Overlapping deals on a line are processed in the program's order and reduce each other's
 * value basis by provisions, per reference §2.3. Credit-note lines mirror invoice lines
 * exactly, so a full return cancels its provision.
 *
 * Lines are typed values (parse host JSON with `RebateSourceLineSchema`); they are not
 * re-validated, so that accrual streams millions of lines. Re-running over lines already
 * in `options.state` adds nothing.
 *
 * @throws {@link OrderToCashError} `currency_mismatch` when a value-basis deal meets a line in another currency;
 *   `idempotency_key_reused` when a line comes back with other figures.
 * @example
 * const { entries } = accrueRebates(program, [line40], { rounding: 'halfUp' });
 * entries[0].amount.toString() //=> 'USD 800.00'
 */
export function accrueRebates(program: RebateProgram, lines: Iterable<RebateSourceLine>, options: AccrueRebatesOptions): AccrualResult {
  const { rounding } = parseInput(RoundingSchema, { rounding: options.rounding }, ['options']);
  const previous = options.state ?? EMPTY;
  const before = tableOf(previous);
  // Lookups go to the previous table until the first new provision, which copies it once.
  let t = before;
  const candidates: CompiledDeal[] = [];
  const provisions: bigint[] = [];
  const marks = new Int32Array(program.deals.length);
  const dealHashes = program.deals.map((c) => dealHash(c.deal.id));
  // Program rank → index in the table's deal column (−1 until first used).
  const columns = new Int32Array(program.deals.length).fill(-1);
  let index = 0;
  for (const line of lines) {
    collectCandidates(program, line, candidates, marks, index + 1);
    if (candidates.length === 0) {
      index++;
      continue;
    }
    if (provisions.length !== 0) provisions.length = 0;
    const kind = line.kind === 'creditNote' ? 1 : 0;
    const lh = lineHash(kind, line.documentId, line.lineId);
    for (let c = 0; c < candidates.length; c++) {
      const deal = candidates[c] as CompiledDeal;
      const d = deal.deal;
      let basis = basisOf(deal, line, index);
      let reductions: AppliedReduction[] | undefined;
      if (deal.reducedByProvisions) {
        // reference §2.3: provisions of deals processed earlier on this line reduce the base.
        for (let j = 0; j < c; j++) {
          const prev = candidates[j] as CompiledDeal;
          if (!prev.reducesOthers) continue;
          const amount = provisions[j] as bigint;
          if (amount === 0n) continue;
          basis -= amount * deal.minorScaleUp;
          (reductions ??= []).push({ dealId: prev.deal.id, amount: sameCurrencyMoney(amount, d.currency) });
        }
      }
      const negative = basis < 0n;
      const abs = negative ? -basis : basis;
      const tier = reachedTier(deal.from, abs);
      // Fixed amounts are earned per period, not per line: no line provision (the true-up books them).
      let n = 0n;
      if (tier >= 0 && d.calculation !== 'fixedAmount') {
        const offset = deal.tierOffset[tier] as bigint;
        n = (deal.tierSlope[tier] as bigint) * abs;
        if (offset !== 0n) n += offset;
      }
      // n × minorFactor / denominator = n / minorDenominator when the factor divides out.
      const signed = negative ? -n : n;
      const minor =
        n === 0n
          ? 0n
          : deal.minorDenominator !== 0n
            ? divideRounded(signed, deal.minorDenominator, rounding)
            : divideRounded(signed * deal.minorFactor, deal.denominator, rounding);
      provisions.push(minor);
      const periodEnd = calculationPeriodEnd(deal, line.date);
      const h = keyHash(lh, dealHashes[deal.rank] as number);
      const found = findRow(t, h, d.id, kind, line.documentId, line.lineId);
      if (found >= 0) {
        if (!sameFigures(t, found, minor, d.currency, basis, deal.basisScale, periodEnd, line.customerId)) throw keyReused(keyText(d.id, line));
        continue;
      }
      if (t === before) t = cloneTable(before);
      let column = columns[deal.rank] as number;
      if (column < 0) columns[deal.rank] = column = dealIndex(t, { dealId: d.id, currency: d.currency, basisScale: deal.basisScale });
      appendRow(t, found, h, column, kind, line, periodEnd, basis, minor, tier, reductions);
    }
    index++;
  }
  if (t === before) return { state: previous, entries: [] };
  return resultOf(stateOf(t), t, before.size);
}

// The entries a call added are the rows after the previous state's, built on first access.
function resultOf(state: AccrualState, t: ProvisionTable, from: number): AccrualResult {
  let added: readonly ProvisionEntry[] | undefined;
  return {
    state,
    get entries(): readonly ProvisionEntry[] {
      if (added === undefined) {
        const list: ProvisionEntry[] = [];
        for (let r = from; r < t.size; r++) list.push(entryOf(t, r));
        added = list;
      }
      return added;
    },
  };
}

const keyText = (dealId: string, line: RebateSourceLine): string => `${dealId}|${line.kind}|${line.documentId}|${line.lineId}`;

// Deals that match the line, in processing order. A deal may be found through several of
// the line's groups: `marks` (one slot per deal rank, stamped with the line number) keeps it once.
function collectCandidates(program: RebateProgram, line: RebateSourceLine, out: CompiledDeal[], marks: Int32Array, mark: number): void {
  if (out.length !== 0) out.length = 0;
  if (program.byCustomer.size !== 0) {
    const own = program.byCustomer.get(line.customerId);
    if (own !== undefined) consider(own, line, out, marks, mark);
  }
  const groups = line.customerGroups;
  for (let g = 0; g < groups.length; g++) {
    const list = program.byGroup.get(groups[g] as string);
    if (list !== undefined) consider(list, line, out, marks, mark);
  }
  if (program.forAll.length > 0) consider(program.forAll, line, out, marks, mark);
  if (out.length > 1) out.sort(byRank);
}

function consider(list: readonly CompiledDeal[], line: RebateSourceLine, out: CompiledDeal[], marks: Int32Array, mark: number): void {
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as CompiledDeal;
    if (marks[c.rank] !== mark && matches(c, line)) {
      marks[c.rank] = mark;
      out.push(c);
    }
  }
}

const byRank = (a: CompiledDeal, b: CompiledDeal): number => a.rank - b.rank;

function matches(c: CompiledDeal, line: RebateSourceLine): boolean {
  if (c.stage !== line.stage) return false;
  if (!c.includeCreditNotes && line.kind === 'creditNote') return false;
  const date = line.date;
  if (date < c.validFrom || (c.validTo !== undefined && date > c.validTo)) return false;
  if (c.itemIds !== undefined) return c.itemIds.has(line.itemId);
  if (c.itemGroups !== undefined) {
    const groups = line.itemGroups;
    for (let i = 0; i < groups.length; i++) if (c.itemGroups.has(groups[i] as string)) return true;
    return false;
  }
  return true;
}

// Signed basis of the line for deal `c` at the deal's basis scale, before reductions.
function basisOf(c: CompiledDeal, line: RebateSourceLine, index: number): bigint {
  if (c.valueBasis) {
    const m = line.netAmount;
    const currency = c.deal.currency;
    if (m.currency !== currency) assertSameCurrency(sameCurrencyMoney(0n, currency), m, ['lines', index, 'netAmount']);
    const b = c.minorScaleUp === 1n ? m.minor : m.minor * c.minorScaleUp;
    return line.kind === 'creditNote' ? -b : b;
  }
  const q = line.quantity;
  const b =
    q.scale === c.basisScale
      ? q.units
      : q.scale < c.basisScale
        ? q.units * pow10(c.basisScale - q.scale)
        : divideRounded(q.units, pow10(q.scale - c.basisScale), 'halfEven');
  return line.kind === 'creditNote' ? -b : b;
}

/**
 * Merges two accrual states: the union of their provisions. Associative, commutative and
 * idempotent, with {@link emptyAccrual} as neutral element.
 *
 * @throws {@link OrderToCashError} `idempotency_key_reused` when both hold one key with different figures.
 * @example
 * mergeAccruals(a, b).size //=> a.size + b.size (disjoint shards)
 */
export function mergeAccruals(a: AccrualState, b: AccrualState): AccrualState {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  const [big, small] = a.size >= b.size ? [a, b] : [b, a];
  const from = tableOf(small);
  const into = cloneTable(tableOf(big));
  for (let r = 0; r < from.size; r++) {
    const h = from.hash[r] as number;
    const deal = dealOf(from, r);
    const found = findRow(into, h, deal.dealId, from.kind[r] as number, from.documentId[r] as string, from.lineId[r] as string);
    if (found < 0) appendFullRow(into, found, h, rowOf(from, r));
    else if (!sameFigures(into, found, amountAt(from, r), deal.currency, basisAt(from, r), deal.basisScale, from.periodEnd[r] as CalendarDate, from.customerId[r] as string))
      throw keyReused(entryOf(from, r).key);
  }
  return into.size === big.size ? big : stateOf(into);
}

/**
 * The provisions of a state in key order: a canonical listing, equal for equal states.
 * @example
 * listProvisions(state).map((e) => e.key) //=> ['D1|invoice|INV-1|1', …]
 */
export function listProvisions(state: AccrualState): ProvisionEntry[] {
  const t = tableOf(state);
  const list: ProvisionEntry[] = [];
  for (let r = 0; r < t.size; r++) list.push(entryOf(t, r));
  return list.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
