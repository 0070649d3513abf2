import type { CalendarDate } from '../../calendar/CalendarDate.js';
import { dateKey } from '../../calendar/_internal/dateKey.js';
import { pow10, type Scaled, scaledOf } from '../../money/Scaled.js';
import type { RecordOutcome, TraceEntry } from '../PricingTrace.js';
import type { ActivationMatrix, Relation, TradeAgreement } from '../schemas.js';
import { CELLS } from './keys.js';
import { type Bucket, codeOf, type Columns, compareQty, groupBucket, known, type ObjectIndex, type PriceIndex, RELATION_INDEX } from './priceIndex.js';
import { POW10_DOUBLE } from './integerDoubles.js';
import { segmentOf } from './segments.js';

/** Generic currency of a search: its records count, converted at `rate` (none without a rate). */
export type Generic = { readonly currency: string; readonly rate: Scaled | undefined } | undefined;

/** A matched price record: its id, price unit, and amount and charges in the order currency. */
export type Candidate = { readonly recordId: string; readonly amount: Scaled; readonly priceUnit: Scaled; readonly charges: Scaled; readonly generic: boolean };

/** What the searches of one order share: the book, the customer's account keys, currency and date. */
export type SearchContext = {
  readonly index: PriceIndex;
  readonly activation: ActivationMatrix;
  readonly relations: ReadonlySet<Relation>;
  readonly customerId: string;
  /** The customer's group per relation index (price, line, multiline, total discount group). */
  readonly accountGroups: readonly (string | undefined)[];
  /** The object index and, per relation index, the customer's own agreements and those of its group there: set by the first search that reads it ({@link objectsOf}). */
  objects: ObjectIndex | undefined;
  customerColumns: readonly (Columns | undefined)[];
  groupColumns: readonly (Columns | undefined)[];
  readonly currency: string;
  /** The currency's number in the compact index (`fast.codeNo`), −1 when it has none. */
  readonly currencyNo: number;
  /** Only when it differs from `currency`. */
  readonly generic: Generic;
  readonly asOf: CalendarDate;
  readonly day: number;
  /** Scratch space of the matches of one cell, reused by every search of the order. */
  readonly found: TradeAgreement[];
  readonly foundGeneric: boolean[];
};

/** The item side of one search: the item's id and its group of the searched relation. */
export type ItemKeys = { readonly itemId: string; readonly itemGroup: string | undefined };

/** Builds the context of an order's searches. */
export function searchContext(
  book: { readonly index: PriceIndex; readonly activation: ActivationMatrix; readonly relations: ReadonlySet<Relation> },
  customer: { readonly customerId: string; readonly priceGroup?: string; readonly lineDiscountGroup?: string; readonly multilineDiscountGroup?: string; readonly totalDiscountGroup?: string },
  currency: string,
  generic: Generic,
  asOf: CalendarDate,
): SearchContext {
  const index = book.index;
  // Canonical strings of the index where it has them, so that comparisons are pointer comparisons.
  const group = (g: string | undefined): string | undefined => (g === undefined ? undefined : known(index.groupIds, g));
  const accountGroups = [group(customer.priceGroup), group(customer.lineDiscountGroup), group(customer.multilineDiscountGroup), group(customer.totalDiscountGroup)];
  return {
    index,
    activation: book.activation,
    relations: book.relations,
    customerId: customer.customerId,
    accountGroups,
    objects: undefined,
    customerColumns: [],
    groupColumns: [],
    currency: codeOf(index, currency),
    currencyNo: index.fast.codeNo.get(currency) ?? -1,
    generic: generic !== undefined && generic.currency !== currency ? generic : undefined,
    asOf,
    day: dateKey(asOf),
    found: [],
    foundGeneric: [],
  };
}

/** The cells D365 allows per relation (reference §1.3), in search order. */
export const ALLOWED: Readonly<Record<Relation, readonly boolean[]>> = {
  price: [true, false, false, true, false, false, true, false, false],
  lineDiscount: [true, true, true, true, true, true, true, true, true],
  multilineDiscount: [false, true, true, false, true, true, false, true, true],
  totalDiscount: [false, false, true, false, false, true, false, false, true],
};

export function inBand(r: TradeAgreement, q: Scaled): boolean {
  if (compareQty(q, r.fromQty) < 0) return false;
  return r.toQty.units === 0n || compareQty(q, r.toQty) < 0;
}

export function inDates(r: TradeAgreement, asOf: CalendarDate): boolean {
  // CalendarDate strings are fixed-width YYYY-MM-DD: string order is date order.
  return (r.fromDate === undefined || r.fromDate <= asOf) && (r.toDate === undefined || asOf <= r.toDate);
}

function times(a: Scaled, b: Scaled): Scaled {
  return scaledOf(a.units * b.units, a.scale + b.scale);
}

/** The object index of the context's book, with the customer's columns resolved (once per order). */
export function objectsOf(ctx: SearchContext): ObjectIndex {
  if (ctx.objects !== undefined) return ctx.objects;
  const objects = ctx.index.objects();
  const own = objects.customers.get(ctx.customerId);
  ctx.customerColumns = [own?.[0], own?.[1], own?.[2], own?.[3]];
  ctx.groupColumns = ctx.accountGroups.map((g, ri) => (g === undefined ? undefined : objects.groups[ri]?.get(g)));
  ctx.objects = objects;
  return objects;
}

/** The first bucket of cell `i` (0-based) of relation index `ri` for the context's customer and the given item. */
export function bucketAt(ctx: SearchContext, ri: number, i: number, item: ItemKeys): Bucket | undefined {
  const objects = objectsOf(ctx);
  const a = (i / 3) | 0;
  const c = i % 3;
  if (c === 0 && a !== 0 && ri <= 1) {
    // Customer group or all customers × one item: item side first.
    const e = objects.items.get(item.itemId);
    if (e === undefined) return undefined;
    if (a === 2) return ri === 0 ? e.allPrice : e.allLineDiscount;
    return groupBucket(ri === 0 ? e.groupPrice : e.groupLineDiscount, ctx.accountGroups[ri]);
  }
  const cols = a === 0 ? ctx.customerColumns[ri] : a === 1 ? ctx.groupColumns[ri] : objects.all[ri];
  if (cols === undefined) return undefined;
  if (c === 0) return cols.byItem?.get(item.itemId);
  if (c === 1) return item.itemGroup === undefined ? undefined : cols.byItemGroup?.get(item.itemGroup);
  return cols.allItems;
}

const EXACT_LIMIT = 2n ** 53n;

/** A quantity's units as a double when exact (for the band comparisons), NaN otherwise. */
function unitsOf(value: Scaled): number {
  return value.units < EXACT_LIMIT && value.units >= 0n ? Number(value.units) : Number.NaN;
}

/** Whether cell `i` of `relation` is searched for this customer and item: inactive, no group for it, or searched. */
function cellStatus(ctx: SearchContext, relation: Relation, i: number, item: ItemKeys): 'inactive' | 'noGroup' | 'searched' {
  if (ctx.activation[relation][i] !== true) return 'inactive';
  if ((i >= 3 && i < 6 && ctx.accountGroups[RELATION_INDEX[relation]] === undefined) || (i % 3 === 1 && item.itemGroup === undefined)) return 'noGroup';
  return 'searched';
}

/**
 * Puts the matches of cell `i` (0-based) into `ctx.found` (order currency first, then generic
 * currency, each in record order) and returns how many; −1 when the cell is not searched.
 * With a trace, every record under the account and item keys is traced, those in another
 * currency or unit included.
 */
function gatherCell(
  ctx: SearchContext,
  relation: Relation,
  i: number,
  item: ItemKeys,
  unit: string,
  qty: Scaled,
  qtyUnits: number,
  trace: TraceEntry[] | undefined,
): number {
  const cell = i + 1;
  const status = cellStatus(ctx, relation, i, item);
  if (trace !== undefined) {
    const [accountCode, itemCode] = CELLS[i] as (typeof CELLS)[number];
    trace.push({ kind: 'cell', relation, cell, accountCode, itemCode, status });
  }
  if (status !== 'searched') return -1;
  const first = bucketAt(ctx, RELATION_INDEX[relation], i, item);
  if (first === undefined) return 0;
  let own: Bucket | undefined;
  let gen: Bucket | undefined;
  const generic = ctx.generic;
  for (let b: Bucket | undefined = first; b !== undefined; b = b.next) {
    if (b.unit !== unit) continue;
    if (b.currency === ctx.currency) own = b;
    else if (generic !== undefined && b.currency === generic.currency) gen = b;
  }
  let n = own === undefined ? 0 : gatherBucket(ctx, own, false, 0, qty, qtyUnits, relation, cell, trace);
  if (gen !== undefined) n = gatherBucket(ctx, gen, true, n, qty, qtyUnits, relation, cell, trace);
  if (trace !== undefined) {
    for (let b: Bucket | undefined = first; b !== undefined; b = b.next) {
      if (b === own || b === gen) continue;
      const isGeneric = generic !== undefined && b.currency === generic.currency;
      const outcome: RecordOutcome = b.currency !== ctx.currency && !isGeneric ? 'currencyMismatch' : 'unitMismatch';
      for (const r of b.records) trace.push({ kind: 'record', relation, cell, recordId: r.id, outcome, generic: isGeneric });
    }
  }
  return n;
}

function gatherBucket(
  ctx: SearchContext,
  b: Bucket,
  isGeneric: boolean,
  n: number,
  qty: Scaled,
  qtyUnits: number,
  relation: Relation,
  cell: number,
  trace: TraceEntry[] | undefined,
): number {
  const rs = b.records;
  const noRate = isGeneric && ctx.generic?.rate === undefined;
  if (trace !== undefined) {
    for (const r of rs) {
      let outcome: RecordOutcome = 'matched';
      if (!inDates(r, ctx.asOf)) outcome = 'outsideDates';
      else if (!inBand(r, qty)) outcome = 'outsideBand';
      else if (noRate) outcome = 'noRate';
      trace.push({ kind: 'record', relation, cell, recordId: r.id, outcome, generic: isGeneric });
      if (outcome === 'matched') n = keep(ctx, r, isGeneric, n);
    }
    return n;
  }
  if (noRate) return n;
  const day = ctx.day;
  // The quantity as an integer at the bucket's band scale, when a double holds it exactly;
  // otherwise (−1) bands are compared as Scaled values.
  let q = -1;
  const shift = b.scale - qty.scale;
  if (shift >= 0 && shift < POW10_DOUBLE.length) {
    const v = qtyUnits * (POW10_DOUBLE[shift] as number);
    if (v <= Number.MAX_SAFE_INTEGER) q = v;
  }
  const keys = b.keys;
  const index = b.index;
  let ids: readonly number[] | undefined;
  if (index !== undefined) {
    // A large bucket: the day segment, then the band segment, narrow it to the records that can match.
    let part = index.parts[0];
    if (index.byDay !== undefined) {
      const k = segmentOf(index.byDay.points, day, byNumber);
      if (k < 0) return n;
      part = index.parts[k];
    }
    if (part === undefined) return n;
    ids = part.ids;
    if (part.byQty !== undefined) {
      const k = segmentOf(part.byQty.points, qty, compareQty);
      if (k < 0) return n;
      ids = part.byQty.members[k];
    }
  }
  const count = ids === undefined ? rs.length : ids.length;
  for (let m = 0; m < count; m++) {
    const k = ids === undefined ? m : (ids[m] as number);
    const at = 4 * k;
    if (day < (keys[at] as number) || day > (keys[at + 1] as number)) continue;
    if (q >= 0 ? q < (keys[at + 2] as number) || q >= (keys[at + 3] as number) : !inBand(rs[k] as TradeAgreement, qty)) continue;
    n = keep(ctx, rs[k] as TradeAgreement, isGeneric, n);
  }
  return n;
}

const byNumber = (a: number, b: number): number => a - b;

function keep(ctx: SearchContext, r: TradeAgreement, isGeneric: boolean, n: number): number {
  ctx.found[n] = r;
  ctx.foundGeneric[n] = isGeneric;
  return n + 1;
}

/** The amount of a record in the order currency. */
function amountOf(ctx: SearchContext, r: TradeAgreement, isGeneric: boolean): Scaled {
  const rate = isGeneric ? ctx.generic?.rate : undefined;
  return rate === undefined ? r.amount : times(r.amount, rate);
}

/** Unit price comparison amount/priceUnit without dividing. */
function cheaper(a: Scaled, aUnit: Scaled, b: Scaled, bUnit: Scaled): boolean {
  const x = a.units * bUnit.units * pow10(b.scale + aUnit.scale);
  const y = b.units * aUnit.units * pow10(a.scale + bUnit.scale);
  return x < y;
}

export type DiscountSum = { readonly amount: Scaled; readonly percent1: Scaled; readonly percent2: Scaled; readonly recordIds: readonly string[] };

export const NO_DISCOUNT: DiscountSum = { amount: scaledOf(0n, 0), percent1: scaledOf(0n, 0), percent2: scaledOf(0n, 0), recordIds: [] };

/** a + b at the larger scale; adding a zero of no larger scale returns the other operand itself (no allocation). */
export function add(a: Scaled, b: Scaled): Scaled {
  // Adding a zero of no larger scale changes nothing: keep the object (most percentages 2 are 0).
  if (b.units === 0n && b.scale <= a.scale) return a;
  if (a.units === 0n && a.scale <= b.scale) return b;
  if (a.scale === b.scale) return scaledOf(a.units + b.units, a.scale);
  if (a.scale > b.scale) return scaledOf(a.units + b.units * pow10(a.scale - b.scale), a.scale);
  return scaledOf(a.units * pow10(b.scale - a.scale) + b.units, b.scale);
}

/** Discounts accumulate along the path until a matched record with find next off (reference §1.3). */
export function findDiscount(
  ctx: SearchContext,
  relation: Relation,
  item: ItemKeys,
  unit: string,
  qty: Scaled,
  trace: TraceEntry[] | undefined,
): DiscountSum {
  if (!ctx.relations.has(relation)) return NO_DISCOUNT;
  const allowed = ALLOWED[relation];
  let amount = NO_DISCOUNT.amount;
  let percent1 = NO_DISCOUNT.percent1;
  let percent2 = NO_DISCOUNT.percent2;
  let recordIds: string[] | undefined;
  const units = unitsOf(qty);
  for (let i = 0; i < 9; i++) {
    if (allowed[i] !== true) continue;
    const n = gatherCell(ctx, relation, i, item, unit, qty, units, trace);
    for (let k = 0; k < n; k++) {
      const r = ctx.found[k] as TradeAgreement;
      amount = add(amount, amountOf(ctx, r, ctx.foundGeneric[k] === true));
      percent1 = add(percent1, r.percent1);
      percent2 = add(percent2, r.percent2);
      (recordIds ??= []).push(r.id);
      if (!r.findNext) {
        trace?.push({ kind: 'stop', relation, cell: i + 1, recordId: r.id });
        return { amount, percent1, percent2, recordIds };
      }
    }
  }
  return recordIds === undefined ? NO_DISCOUNT : { amount, percent1, percent2, recordIds };
}

/** Prices: lowest over the path, first cell's best when it has find next off (reference §1.3). */
export function findPrice(ctx: SearchContext, item: ItemKeys, unit: string, qty: Scaled, trace: TraceEntry[] | undefined): Candidate | undefined {
  if (!ctx.relations.has('price')) return undefined;
  const allowed = ALLOWED.price;
  let best: TradeAgreement | undefined;
  let bestAmount: Scaled | undefined;
  let bestGeneric = false;
  const units = unitsOf(qty);
  for (let i = 0; i < 9; i++) {
    if (allowed[i] !== true) continue;
    const n = gatherCell(ctx, 'price', i, item, unit, qty, units, trace);
    if (n <= 0) continue;
    let c = ctx.found[0] as TradeAgreement;
    let cGeneric = ctx.foundGeneric[0] === true;
    let cAmount = amountOf(ctx, c, cGeneric);
    for (let k = 1; k < n; k++) {
      const x = ctx.found[k] as TradeAgreement;
      const xGeneric = ctx.foundGeneric[k] === true;
      const xAmount = amountOf(ctx, x, xGeneric);
      if (cheaper(xAmount, x.priceUnit, cAmount, c.priceUnit)) {
        c = x;
        cGeneric = xGeneric;
        cAmount = xAmount;
      }
    }
    if (best === undefined || bestAmount === undefined || cheaper(cAmount, c.priceUnit, bestAmount, best.priceUnit)) {
      best = c;
      bestAmount = cAmount;
      bestGeneric = cGeneric;
    }
    if (!c.findNext) {
      trace?.push({ kind: 'stop', relation: 'price', cell: i + 1, recordId: c.id });
      break;
    }
  }
  if (best === undefined || bestAmount === undefined) return undefined;
  const rate = bestGeneric ? ctx.generic?.rate : undefined;
  return { recordId: best.id, amount: bestAmount, priceUnit: best.priceUnit, charges: rate === undefined ? best.priceCharges : times(best.priceCharges, rate), generic: bestGeneric };
}
