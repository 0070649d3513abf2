import type { CalendarDate } from '../../calendar/CalendarDate.js';
import { pow10, type Scaled, scaledOf } from '../../money/Scaled.js';
import type { PriceBook } from '../compilePriceBook.js';
import type { RecordOutcome, TraceEntry } from '../PricingTrace.js';
import type { Relation, TradeAgreement } from '../schemas.js';
import { agreementKey, CELLS } from './keys.js';

/** The keys one search uses: the account and item ids and their groups of the searched relation. */
export type SearchKeys = {
  readonly customerId: string;
  readonly accountGroup: string | undefined;
  readonly itemId: string;
  readonly itemGroup: string | undefined;
  readonly currency: string;
  readonly unit: string;
  /** Quantity (or, for total discount, amount) matched against the bands. */
  readonly qty: Scaled;
  readonly asOf: CalendarDate;
};

export type Generic = { readonly currency: string; readonly rate: Scaled | undefined } | undefined;

export type Candidate = { readonly record: TradeAgreement; readonly amount: Scaled; readonly charges: Scaled; readonly generic: boolean };

const ALLOWED: Readonly<Record<Relation, readonly boolean[]>> = {
  price: [true, false, false, true, false, false, true, false, false],
  lineDiscount: [true, true, true, true, true, true, true, true, true],
  multilineDiscount: [false, true, true, false, true, true, false, true, true],
  totalDiscount: [false, false, true, false, false, true, false, false, true],
};

export function inBand(r: TradeAgreement, q: Scaled): boolean {
  if (cmp(q, r.fromQty) < 0) return false;
  return r.toQty.units === 0n || cmp(q, r.toQty) < 0;
}

export function inDates(r: TradeAgreement, asOf: CalendarDate): boolean {
  // CalendarDate strings are fixed-width YYYY-MM-DD: string order is date order.
  return (r.fromDate === undefined || r.fromDate <= asOf) && (r.toDate === undefined || asOf <= r.toDate);
}

function cmp(a: Scaled, b: Scaled): number {
  if (a.scale === b.scale) return a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
  const x = a.scale > b.scale ? a.units : a.units * pow10(b.scale - a.scale);
  const y = b.scale > a.scale ? b.units : b.units * pow10(a.scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

function times(a: Scaled, b: Scaled): Scaled {
  return scaledOf(a.units * b.units, a.scale + b.scale);
}

/**
 * Walks the activated cells of `relation` in the order of reference §1.3 and calls `visit`
 * with each cell's matching candidates (order currency first, then generic currency).
 * `visit` returns true to stop the walk.
 */
export function walkCells(
  book: PriceBook,
  relation: Relation,
  keys: SearchKeys,
  generic: Generic,
  trace: TraceEntry[] | undefined,
  visit: (cell: number, candidates: readonly Candidate[]) => boolean,
): void {
  if (!book.relations.has(relation)) return;
  const active = book.activation[relation];
  const allowed = ALLOWED[relation];
  for (let i = 0; i < 9; i++) {
    const cell = i + 1;
    const [accountCode, itemCode] = CELLS[i] as (typeof CELLS)[number];
    if (allowed[i] !== true) continue;
    if (active[i] !== true) {
      trace?.push({ kind: 'cell', relation, cell, accountCode, itemCode, status: 'inactive' });
      continue;
    }
    const account = accountCode === 'table' ? keys.customerId : accountCode === 'group' ? keys.accountGroup : '';
    const item = itemCode === 'table' ? keys.itemId : itemCode === 'group' ? keys.itemGroup : '';
    if (account === undefined || item === undefined) {
      trace?.push({ kind: 'cell', relation, cell, accountCode, itemCode, status: 'noGroup' });
      continue;
    }
    trace?.push({ kind: 'cell', relation, cell, accountCode, itemCode, status: 'searched' });
    const candidates: Candidate[] = [];
    collect(candidates, book.index.get(agreementKey(relation, accountCode, account, itemCode, item, keys.currency, keys.unit)), relation, cell, keys, undefined, trace);
    if (generic !== undefined && generic.currency !== keys.currency) {
      collect(candidates, book.index.get(agreementKey(relation, accountCode, account, itemCode, item, generic.currency, keys.unit)), relation, cell, keys, generic, trace);
    }
    if (candidates.length > 0 && visit(cell, candidates)) return;
  }
}

// Top level rather than nested in the loop: a closure per cell costs more than the lookup.
function collect(
  candidates: Candidate[],
  records: readonly TradeAgreement[] | undefined,
  relation: Relation,
  cell: number,
  keys: SearchKeys,
  generic: Generic,
  trace: TraceEntry[] | undefined,
): void {
  if (records === undefined) return;
  const isGeneric = generic !== undefined;
  for (const r of records) {
    let outcome: RecordOutcome = 'matched';
    if (!inDates(r, keys.asOf)) outcome = 'outsideDates';
    else if (!inBand(r, keys.qty)) outcome = 'outsideBand';
    else if (isGeneric && generic.rate === undefined) outcome = 'noRate';
    trace?.push({ kind: 'record', relation, cell, recordId: r.id, outcome, generic: isGeneric });
    if (outcome !== 'matched') continue;
    const rate = generic?.rate;
    candidates.push(
      rate === undefined
        ? { record: r, amount: r.amount, charges: r.priceCharges, generic: false }
        : { record: r, amount: times(r.amount, rate), charges: times(r.priceCharges, rate), generic: true },
    );
  }
}

/** Unit price comparison amount/priceUnit without dividing. */
export function cheaper(a: Candidate, b: Candidate): boolean {
  const x = a.amount.units * b.record.priceUnit.units * pow10(b.amount.scale + a.record.priceUnit.scale);
  const y = b.amount.units * a.record.priceUnit.units * pow10(a.amount.scale + b.record.priceUnit.scale);
  return x < y;
}

export type DiscountSum = { readonly amount: Scaled; readonly percent1: Scaled; readonly percent2: Scaled; readonly recordIds: readonly string[] };

export const NO_DISCOUNT: DiscountSum = { amount: scaledOf(0n, 0), percent1: scaledOf(0n, 0), percent2: scaledOf(0n, 0), recordIds: [] };

function add(a: Scaled, b: Scaled): Scaled {
  if (a.scale === b.scale) return scaledOf(a.units + b.units, a.scale);
  if (a.scale > b.scale) return scaledOf(a.units + b.units * pow10(a.scale - b.scale), a.scale);
  return scaledOf(a.units * pow10(b.scale - a.scale) + b.units, b.scale);
}

/** Discounts accumulate along the path until a matched record with find next off (reference §1.3). */
export function findDiscount(book: PriceBook, relation: Relation, keys: SearchKeys, generic: Generic, trace: TraceEntry[] | undefined): DiscountSum {
  let amount = NO_DISCOUNT.amount;
  let percent1 = NO_DISCOUNT.percent1;
  let percent2 = NO_DISCOUNT.percent2;
  const recordIds: string[] = [];
  walkCells(book, relation, keys, generic, trace, (cell, candidates) => {
    for (const c of candidates) {
      amount = add(amount, c.amount);
      percent1 = add(percent1, c.record.percent1);
      percent2 = add(percent2, c.record.percent2);
      recordIds.push(c.record.id);
      if (!c.record.findNext) {
        trace?.push({ kind: 'stop', relation, cell, recordId: c.record.id });
        return true;
      }
    }
    return false;
  });
  return recordIds.length === 0 ? NO_DISCOUNT : { amount, percent1, percent2, recordIds };
}

/** Prices: lowest over the path, first cell's best when it has find next off (reference §1.3). */
export function findPrice(book: PriceBook, keys: SearchKeys, generic: Generic, trace: TraceEntry[] | undefined): Candidate | undefined {
  let best: Candidate | undefined;
  walkCells(book, 'price', keys, generic, trace, (cell, candidates) => {
    let c = candidates[0] as Candidate;
    for (const x of candidates) if (cheaper(x, c)) c = x;
    if (best === undefined || cheaper(c, best)) best = c;
    if (!c.record.findNext) {
      trace?.push({ kind: 'stop', relation: 'price', cell, recordId: c.record.id });
      return true;
    }
    return false;
  });
  return best;
}
