import * as z from 'zod';
import type { CalendarDate } from '../../calendar/CalendarDate.js';
import { OrderToCashError } from '../../errors/OrderToCashError.js';
import { parseInput } from '../../errors/parseInput.js';
import { assertSameCurrency } from '../../money/assertSameCurrency.js';
import type { Money } from '../../money/Money.js';
import { sameCurrencyMoney } from '../../money/Money.js';
import { divideRounded, type RoundingMode } from '../../money/rounding.js';
import { pow10, type Scaled, scaledOf } from '../../money/Scaled.js';
import { RoundingModeSchema } from '../../money/schemas.js';
import { tierNumerator, reachedTier } from './_internal/tiers.js';
import { type CompiledDeal, calculationPeriodEnd, type RebateProgram } from './compileRebateDeals.js';
import type { RebateSourceLine } from './RebateDeal.js';

/** An earlier deal's provision that reduced this one's base on the same line (reference §2.3). */
export type AppliedReduction = { readonly dealId: string; readonly amount: Money };

/**
 * A provision (accrual) of one deal on one source line. Its trace: the deal, the tier the
 * line alone reaches (−1 = none), the basis line (document, line) and the reductions.
 */
export type ProvisionEntry = {
  /** `dealId|kind|documentId|lineId`: accruing the same line again adds nothing. */
  readonly key: string;
  readonly dealId: string;
  readonly customerId: string;
  readonly documentId: string;
  readonly lineId: string;
  readonly kind: 'invoice' | 'creditNote';
  readonly date: CalendarDate;
  /** Last day of the deal's calculation period holding the line's date. */
  readonly periodEnd: CalendarDate;
  /** Signed basis after reductions: quantity, or value in major units. */
  readonly basis: Scaled;
  /** Provision, rounded once per line. Negative for credit notes. */
  readonly amount: Money;
  readonly tier: number;
  readonly reductions: readonly AppliedReduction[];
};

/**
 * Accrued provisions by idempotency key. A value: {@link mergeAccruals} is associative,
 * commutative and idempotent, so shards accrued apart merge into the single-pass state.
 */
export type AccrualState = { readonly entries: ReadonlyMap<string, ProvisionEntry> };

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
const EMPTY: AccrualState = { entries: new Map() };

/**
 * The empty accrual state, neutral element of {@link mergeAccruals}.
 * @example
 * emptyAccrual().entries.size //=> 0
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
  const entries = new Map(previous.entries);
  const added: ProvisionEntry[] = [];
  const candidates: CompiledDeal[] = [];
  const provisions: bigint[] = [];
  const marks = new Int32Array(program.deals.length);
  let index = 0;
  for (const line of lines) {
    collectCandidates(program, line, candidates, marks, index + 1);
    provisions.length = 0;
    for (let c = 0; c < candidates.length; c++) {
      const deal = candidates[c] as CompiledDeal;
      const entry = accrueOne(deal, line, candidates, provisions, c, rounding, index);
      provisions.push(entry.amount.minor);
      const known = entries.get(entry.key);
      if (known === undefined) {
        entries.set(entry.key, entry);
        added.push(entry);
      } else if (!sameEntry(known, entry)) {
        throw keyReused(entry.key);
      }
    }
    index++;
  }
  return { state: added.length === 0 ? previous : { entries }, entries: added };
}

// Deals that match the line, in processing order. A deal may be found through several of
// the line's groups: `marks` (one slot per deal rank, stamped with the line number) keeps it once.
function collectCandidates(program: RebateProgram, line: RebateSourceLine, out: CompiledDeal[], marks: Int32Array, mark: number): void {
  out.length = 0;
  const own = program.byCustomer.get(line.customerId);
  if (own !== undefined) consider(own, line, out, marks, mark);
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
  const d = c.deal;
  if (d.basis.stage !== line.stage) return false;
  if (line.kind === 'creditNote' && !d.basis.includeCreditNotes) return false;
  if (line.date < d.validFrom || (d.validTo !== undefined && line.date > d.validTo)) return false;
  if (c.itemIds !== undefined) return c.itemIds.has(line.itemId);
  if (c.itemGroups !== undefined) {
    for (const g of line.itemGroups) if (c.itemGroups.has(g)) return true;
    return false;
  }
  return true;
}

function accrueOne(
  c: CompiledDeal,
  line: RebateSourceLine,
  candidates: readonly CompiledDeal[],
  provisions: readonly bigint[],
  position: number,
  rounding: RoundingMode,
  index: number,
): ProvisionEntry {
  const d = c.deal;
  let b: bigint;
  let reductions: AppliedReduction[] | undefined;
  if (d.basis.measure === 'value') {
    if (line.netAmount.currency !== d.currency) assertSameCurrency(sameCurrencyMoney(0n, d.currency), line.netAmount, ['lines', index, 'netAmount']);
    b = (line.kind === 'creditNote' ? -line.netAmount.minor : line.netAmount.minor) * c.minorScaleUp;
    if (d.reduction.apply && d.reduction.basis !== 'rebate') {
      // reference §2.3: provisions of deals processed earlier on this line reduce the base.
      for (let j = 0; j < position; j++) {
        const prev = candidates[j] as CompiledDeal;
        if (prev.deal.reduction.excludeFromReduction || prev.deal.basis.measure !== 'value') continue;
        const amount = provisions[j] as bigint;
        if (amount === 0n) continue;
        b -= amount * c.minorScaleUp;
        (reductions ??= []).push({ dealId: prev.deal.id, amount: sameCurrencyMoney(amount, d.currency) });
      }
    }
  } else {
    const q = line.quantity;
    b = q.scale <= c.basisScale ? q.units * pow10(c.basisScale - q.scale) : divideRounded(q.units, pow10(q.scale - c.basisScale), 'halfEven');
    if (line.kind === 'creditNote') b = -b;
  }
  const negative = b < 0n;
  const abs = negative ? -b : b;
  // Fixed amounts are earned per period, not per line: no line provision (the true-up books them).
  const n = d.calculation === 'fixedAmount' ? 0n : tierNumerator(d.tierMethod, d.calculation, c.from, c.rate, abs);
  const minor = divideRounded((negative ? -n : n) * c.minorFactor, c.denominator, rounding);
  return {
    key: `${d.id}|${line.kind}|${line.documentId}|${line.lineId}`,
    dealId: d.id,
    customerId: line.customerId,
    documentId: line.documentId,
    lineId: line.lineId,
    kind: line.kind,
    date: line.date,
    periodEnd: calculationPeriodEnd(c, line.date),
    basis: scaledOf(b, c.basisScale),
    amount: sameCurrencyMoney(minor, d.currency),
    tier: reachedTier(c.from, abs),
    reductions: reductions ?? NO_REDUCTIONS,
  };
}

const NO_REDUCTIONS: readonly AppliedReduction[] = Object.freeze([]);

function sameEntry(a: ProvisionEntry, b: ProvisionEntry): boolean {
  return (
    a.amount.minor === b.amount.minor &&
    a.amount.currency === b.amount.currency &&
    a.basis.units === b.basis.units &&
    a.basis.scale === b.basis.scale &&
    a.periodEnd === b.periodEnd &&
    a.customerId === b.customerId
  );
}

function keyReused(key: string): OrderToCashError {
  return new OrderToCashError(
    'idempotency_key_reused',
    `Provision ${JSON.stringify(key)} was accrued before with other figures: give a changed line a new line id, or post a credit note`,
    ['lines'],
  );
}

/**
 * Merges two accrual states: the union of their provisions. Associative, commutative and
 * idempotent, with {@link emptyAccrual} as neutral element.
 *
 * @throws {@link OrderToCashError} `idempotency_key_reused` when both hold one key with different figures.
 * @example
 * mergeAccruals(a, b).entries.size //=> a.entries.size + b.entries.size (disjoint shards)
 */
export function mergeAccruals(a: AccrualState, b: AccrualState): AccrualState {
  if (b.entries.size === 0) return a;
  if (a.entries.size === 0) return b;
  const [big, small] = a.entries.size >= b.entries.size ? [a, b] : [b, a];
  const entries = new Map(big.entries);
  for (const [key, entry] of small.entries) {
    const known = entries.get(key);
    if (known === undefined) entries.set(key, entry);
    else if (!sameEntry(known, entry)) throw keyReused(key);
  }
  return { entries };
}

/**
 * The provisions of a state in key order: a canonical listing, equal for equal states.
 * @example
 * listProvisions(state).map((e) => e.key) //=> ['D1|invoice|INV-1|1', …]
 */
export function listProvisions(state: AccrualState): ProvisionEntry[] {
  return [...state.entries.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
