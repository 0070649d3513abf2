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
  appendRow,
  appendRowOf,
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
  reserve,
  sameFigures,
} from './_internal/provisionTable.js';
import { exactDouble } from '../_internal/integerDoubles.js';
import { type Figures, fastProvision, provisionOf } from './_internal/lineProvision.js';
import type { AccrualState, ProvisionEntry } from './AccrualState.js';
import { type CompiledDeal, type RebateProgram } from './compileRebateDeals.js';
import { dateKey, periodEndOfKey } from './_internal/periods.js';
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
  // The line's matching deals are candidates[0 … count − 1] (a reused buffer, never shrunk).
  const candidates: CompiledDeal[] = program.deals.slice();
  // Provisions of the line's earlier candidates (reductions): a double, or NaN and the bigint.
  const provisionsD: number[] = [];
  const provisionsB: bigint[] = [];
  const marks = new Int32Array(program.deals.length);
  const dealHashes = program.deals.map((c) => dealHash(c.deal.id));
  // Program rank → index in the table's deal column (−1 until first used).
  const columns = new Int32Array(program.deals.length).fill(-1);
  const f: Figures = { basisD: 0, minorD: 0, basisB: 0n, minorB: 0n, tier: -1, reductions: undefined };
  let index = 0;
  for (const line of lines) {
    const key = dateKey(line.date);
    const count = collectCandidates(program, line, key, candidates, marks, index + 1);
    if (count === 0) {
      index++;
      continue;
    }
    const kind = line.kind === 'creditNote' ? 1 : 0;
    const lh = lineHash(kind, line.documentId, line.lineId);
    for (let c = 0; c < count; c++) {
      const deal = candidates[c] as CompiledDeal;
      const d = deal.deal;
      const fast = deal.doubles;
      // Fast path: the basis, tier amount and rounding in exact integer doubles; NaN marks a
      // figure that is not a safe integer, and the bigint path then computes the provision.
      f.basisD = fast === undefined ? Number.NaN : basisDouble(deal, fast.minorScaleUp, line, index);
      f.reductions = undefined;
      // reference §2.3: provisions of deals processed earlier on this line reduce the base.
      if (deal.reducedByProvisions && c > 0) reduceBasis(f, deal, candidates, c, provisionsD, provisionsB);
      if (fast === undefined || !fastProvision(f, d.calculation, fast, rounding)) slowProvision(f, deal, line, index, rounding);
      provisionsD[c] = f.minorD;
      provisionsB[c] = f.minorB;
      const periodEnd = periodEndOfKey(d.calculationPeriod, line.date, key, d.validTo);
      const h = keyHash(lh, dealHashes[deal.rank] as number);
      const found = findRow(t, h, d.id, kind, line.documentId, line.lineId);
      if (found >= 0) {
        checkSame(t, found, f, deal, line, periodEnd);
        continue;
      }
      if (t === before) t = ownTable(before, lines);
      let column = columns[deal.rank] as number;
      if (column < 0) columns[deal.rank] = column = dealIndex(t, { dealId: d.id, currency: d.currency, basisScale: deal.basisScale });
      appendRow(t, found, h, column, kind, line, periodEnd, f.basisD, f.minorD, f.tier, f.reductions, f.basisB, f.minorB);
    }
    index++;
  }
  if (t === before) return { state: previous, entries: [] };
  return resultOf(stateOf(t), t, before.size);
}

// The bigint path, for figures beyond the doubles' exact range.
function slowProvision(f: Figures, deal: CompiledDeal, line: RebateSourceLine, index: number, rounding: RoundingMode): void {
  let basis = basisOf(deal, line, index);
  if (f.reductions !== undefined) for (const r of f.reductions) basis -= r.amount.minor * deal.minorScaleUp;
  const provision = provisionOf(deal, basis, rounding);
  // Figures in range whose intermediates the fast path declined are stored as doubles too.
  const basisExact = exactDouble(basis);
  const minorExact = exactDouble(provision.minor);
  const narrow = !Number.isNaN(basisExact) && !Number.isNaN(minorExact);
  f.basisD = narrow ? basisExact : Number.NaN;
  f.minorD = narrow ? minorExact : Number.NaN;
  f.basisB = narrow ? 0n : basis;
  f.minorB = narrow ? 0n : provision.minor;
  f.tier = provision.tier;
}

// reference §2.3: the provisions of the line's earlier candidates reduce the value base of
// candidate `c` (those marked excludeFromReduction excepted).
function reduceBasis(f: Figures, deal: CompiledDeal, candidates: readonly CompiledDeal[], c: number, provisionsD: readonly number[], provisionsB: readonly bigint[]): void {
  const scaleUp = deal.doubles === undefined ? Number.NaN : deal.doubles.minorScaleUp;
  for (let j = 0; j < c; j++) {
    const prev = candidates[j] as CompiledDeal;
    if (!prev.reducesOthers) continue;
    const pd = provisionsD[j] as number;
    const amount = pd === pd ? BigInt(pd) : (provisionsB[j] as bigint);
    if (amount === 0n) continue;
    const cut = pd * scaleUp;
    f.basisD = Number.isSafeInteger(cut) ? f.basisD - cut : Number.NaN;
    (f.reductions ??= []).push({ dealId: prev.deal.id, amount: sameCurrencyMoney(amount, deal.deal.currency) });
  }
}

// A key accrued before: the figures must be the same (idempotent re-run), else the line changed.
function checkSame(t: ProvisionTable, found: number, f: Figures, deal: CompiledDeal, line: RebateSourceLine, periodEnd: CalendarDate): void {
  const amount = f.minorD === f.minorD ? BigInt(f.minorD) : f.minorB;
  const basis = f.basisD === f.basisD ? BigInt(f.basisD) : f.basisB;
  if (!sameFigures(t, found, amount, deal.deal.currency, basis, deal.basisScale, periodEnd, line.customerId)) throw keyReused(keyText(deal.deal.id, line));
}

// The table this call appends to: a copy of the previous state's, with room reserved when the
// lines come as an array (about one provision per line).
function ownTable(before: ProvisionTable, lines: Iterable<RebateSourceLine>): ProvisionTable {
  const t = cloneTable(before);
  if (Array.isArray(lines)) reserve(t, before.size + (lines as readonly RebateSourceLine[]).length);
  return t;
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

// Deals that match the line, in processing order, written to out[0 … count − 1]; returns the
// count. A deal may be found through several of the line's groups: `marks` (one slot per deal
// rank, stamped with the line number) keeps it once.
function collectCandidates(program: RebateProgram, line: RebateSourceLine, key: number, out: CompiledDeal[], marks: Int32Array, mark: number): number {
  let n = 0;
  if (program.byCustomer.size !== 0) {
    const own = program.byCustomer.get(line.customerId);
    if (own !== undefined) n = consider(own, line, key, out, n, marks, mark);
  }
  const groups = line.customerGroups;
  for (let g = 0; g < groups.length; g++) {
    const list = program.byGroup.get(groups[g] as string);
    if (list !== undefined) n = consider(list, line, key, out, n, marks, mark);
  }
  if (program.forAll.length > 0) n = consider(program.forAll, line, key, out, n, marks, mark);
  // Insertion sort by rank: a line meets a handful of deals.
  for (let i = 1; i < n; i++) {
    const c = out[i] as CompiledDeal;
    let j = i - 1;
    while (j >= 0 && (out[j] as CompiledDeal).rank > c.rank) {
      out[j + 1] = out[j] as CompiledDeal;
      j--;
    }
    out[j + 1] = c;
  }
  return n;
}

function consider(list: readonly CompiledDeal[], line: RebateSourceLine, key: number, out: CompiledDeal[], n: number, marks: Int32Array, mark: number): number {
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as CompiledDeal;
    if (marks[c.rank] !== mark && matches(c, line, key)) {
      marks[c.rank] = mark;
      out[n++] = c;
    }
  }
  return n;
}

function matches(c: CompiledDeal, line: RebateSourceLine, key: number): boolean {
  if (c.stage !== line.stage) return false;
  if (!c.includeCreditNotes && line.kind === 'creditNote') return false;
  if (key < c.validFromKey || key > c.validToKey) return false;
  if (c.itemIds !== undefined) return c.itemIds.has(line.itemId);
  if (c.itemGroups !== undefined) {
    const groups = line.itemGroups;
    for (let i = 0; i < groups.length; i++) if (c.itemGroups.has(groups[i] as string)) return true;
    return false;
  }
  return true;
}

// The signed basis of `basisOf` as an exact double, or NaN when it is not a safe integer
// (or a quantity must be rounded down to the deal's basis scale: the bigint path does that).
function basisDouble(c: CompiledDeal, minorScaleUp: number, line: RebateSourceLine, index: number): number {
  let b: number;
  if (c.valueBasis) {
    const m = line.netAmount;
    if (m.currency !== c.deal.currency) assertSameCurrency(sameCurrencyMoney(0n, c.deal.currency), m, ['lines', index, 'netAmount']);
    b = Number(m.minor) * minorScaleUp;
  } else {
    const q = line.quantity;
    const up = POW10_DOUBLE[c.basisScale - q.scale];
    b = up === undefined ? Number.NaN : Number(q.units) * up;
  }
  if (!Number.isSafeInteger(b)) return Number.NaN;
  return line.kind === 'creditNote' ? -b : b;
}

/** Exact doubles 10^0 … 10^15. */
const POW10_DOUBLE: readonly number[] = /* @__PURE__ */ Array.from({ length: 16 }, (_, i) => 10 ** i);

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
  reserve(into, big.size + small.size);
  // `from`'s deal column → `into`'s (−1 until first used).
  const columns = new Int32Array(from.deals.length).fill(-1);
  for (let r = 0; r < from.size; r++) {
    const h = from.hash[r] as number;
    const deal = dealOf(from, r);
    const found = findRow(into, h, deal.dealId, from.kind[r] as number, from.documentId[r] as string, from.lineId[r] as string);
    if (found < 0) {
      const f = from.deal[r] as number;
      let column = columns[f] as number;
      if (column < 0) columns[f] = column = dealIndex(into, deal);
      appendRowOf(into, found, from, r, column);
    }
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
