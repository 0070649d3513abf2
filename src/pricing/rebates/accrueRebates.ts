import * as z from 'zod';
import type { CalendarDate } from '../../calendar/CalendarDate.js';
import { parseInput } from '../../errors/parseInput.js';
import type { RoundingMode } from '../../money/rounding.js';
import { RoundingModeSchema } from '../../money/schemas.js';
import { exactDouble } from '../_internal/integerDoubles.js';
import { accrueBlock, BLOCK, emptyState, finishRun, startRun } from './_internal/accrualRun.js';
import { entryOf, keyReused, stateOf, tableOf } from './_internal/accrualStates.js';
import { amountAt, appendRowOf, basisAt, cloneTable, dealIndex, dealOf, findRow, reserve, sameFigures } from './_internal/provisionTable.js';
import type { AccrualResult, AccrualState, ProvisionEntry } from './AccrualState.js';
import type { CompiledDeal, RebateProgram } from './compileRebateDeals.js';
import { dateKey } from '../../calendar/_internal/dateKey.js';
import type { RebateSourceLine } from './RebateDeal.js';

export type { AccrualResult, AccrualState, AppliedReduction, ProvisionEntry } from './AccrualState.js';

/** Options of {@link accrueRebates}. */
export type AccrueRebatesOptions = {
  /** Rounding of each provision to the deal currency's minor unit. */
  readonly rounding: RoundingMode;
  /** Provisions accrued before; lines already in it add nothing. */
  readonly state?: AccrualState | undefined;
};

const RoundingSchema = /* @__PURE__ */ z.object({ rounding: RoundingModeSchema });

/**
 * The empty accrual state, neutral element of {@link mergeAccruals}.
 * @example
 * emptyAccrual().size //=> 0
 */
export function emptyAccrual(): AccrualState {
  return emptyState();
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
 * in `options.state` adds nothing. For lines in bulk, {@link accrueRebateColumns} takes them
 * as typed columns, with the same results and no object per line.
 *
 * @throws {@link OrderToCashError} `currency_mismatch` when a value-basis deal meets a line in another currency;
 *   `idempotency_key_reused` when a line comes back with other figures.
 * @example
 * const { entries } = accrueRebates(program, [line40], { rounding: 'halfUp' });
 * entries[0].amount.toString() //=> 'USD 800.00'
 */
export function accrueRebates(program: RebateProgram, lines: Iterable<RebateSourceLine>, options: AccrueRebatesOptions): AccrualResult {
  const { rounding } = parseInput(RoundingSchema, { rounding: options.rounding }, ['options']);
  const expected = Array.isArray(lines) ? (lines as readonly RebateSourceLine[]).length : -1;
  const run = startRun(program, rounding, options.state, expected, (index) => ['lines', index, 'netAmount']);
  const marks = new Int32Array(program.deals.length);
  let size = 0;
  let n = 0;
  let index = 0;
  let touched = 0;
  const list = Array.isArray(lines) ? (lines as readonly RebateSourceLine[]) : undefined;
  for (const line of lines) {
    // Every BLOCK lines of an array, read the next BLOCK lines' groups first: independent loads
    // that the processor overlaps, where the line loop would wait for one cache miss per line.
    if (list !== undefined && (index & (BLOCK - 1)) === 0) touched |= touchGroups(list, index);
    const key = dateKey(line.date);
    const from = n;
    n = collectCandidates(program, line, key, run.candidates, n, marks, index + 1);
    if (n > from) {
      run.line[size] = index;
      run.kind[size] = line.kind === 'creditNote' ? 1 : 0;
      run.documentId[size] = line.documentId;
      run.lineId[size] = line.lineId;
      run.customerId[size] = line.customerId;
      run.date[size] = line.date;
      run.keys[size] = key;
      const net = line.netAmount;
      run.net[size] = exactDouble(net.minor);
      run.netWide[size] = net.minor;
      run.currency[size] = net.currency;
      const quantity = line.quantity;
      run.quantity[size] = exactDouble(quantity.units);
      run.quantityWide[size] = quantity.units;
      run.quantityScale[size] = quantity.scale;
      run.ends[size++] = n;
      if (size === BLOCK) {
        accrueBlock(run, size);
        size = 0;
        n = 0;
      }
    }
    index++;
  }
  if (size > 0) accrueBlock(run, size);
  run.touched |= touched;
  return finishRun(run);
}

function touchGroups(list: readonly RebateSourceLine[], from: number): number {
  let touched = 0;
  for (let j = from, e = Math.min(from + BLOCK, list.length); j < e; j++) {
    const groups = (list[j] as RebateSourceLine).customerGroups;
    touched |= groups.length === 0 ? 0 : (groups[0] as string).length;
  }
  return touched;
}

// Deals that match the line, in processing order, written to out[from …]; returns where they
// end. A deal may be found through several of the line's groups: `marks` (one slot per deal
// rank, stamped with the line number) keeps it once.
function collectCandidates(program: RebateProgram, line: RebateSourceLine, key: number, out: CompiledDeal[], from: number, marks: Int32Array, mark: number): number {
  let n = from;
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
  for (let i = from + 1; i < n; i++) {
    const c = out[i] as CompiledDeal;
    let j = i - 1;
    while (j >= from && (out[j] as CompiledDeal).rank > c.rank) {
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
