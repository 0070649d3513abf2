import type { CalendarDate } from '../../../calendar/CalendarDate.js';
import type { CurrencyCode } from '../../../money/Money.js';
import type { AppliedReduction } from '../AccrualState.js';
import { exactDouble } from '../../_internal/integerDoubles.js';

// Columnar store of provisions, the accumulator behind `AccrualState`. One row per provision
// (deal × source line). Numbers sit in typed arrays (so that millions of rows leave nothing
// for the garbage collector to trace or copy), strings are references to the source line's
// own strings, and an open-addressing hash index over the idempotency key (deal, kind,
// document, line) finds a row without building a key string. Accrual appends to a table it
// owns (a copy of the previous state's table, made on the first append), so a state, once
// returned, never changes.

/** What the rows of one deal share: its id, currency and basis scale. */
export type DealColumn = { readonly dealId: string; readonly currency: CurrencyCode; readonly basisScale: number };

export type ProvisionTable = {
  size: number;
  /** Open-addressing slots: row + 1, 0 = empty. A power of two, at least twice the capacity (the rows' column length). */
  slots: Int32Array;
  hash: Int32Array;
  /** Index into `deals`. */
  deal: Int32Array;
  /** 0 = invoice, 1 = credit note. */
  kind: Uint8Array;
  tier: Int32Array;
  /**
   * Basis and amount as exact integer doubles (accrual computes them so, without a bigint per
   * line); a value that is not a safe integer is kept in `wide` and the column holds NaN.
   */
  basis: Float64Array;
  amount: Float64Array;
  /** String columns, one slot per row of capacity (holes past `size`). */
  documentId: string[];
  lineId: string[];
  customerId: string[];
  date: CalendarDate[];
  periodEnd: CalendarDate[];
  readonly deals: DealColumn[];
  /** `dealId|currency|basisScale` → index in `deals`. */
  readonly dealLookup: Map<string, number>;
  /** Rows whose basis or amount is not a safe integer. */
  readonly wide: Map<number, { readonly basis: bigint; readonly amount: bigint }>;
  /** Reductions applied, by row (most rows have none). */
  readonly reductions: Map<number, readonly AppliedReduction[]>;
};

/** The figures of one provision. */
export type ProvisionRow = {
  readonly deal: DealColumn;
  readonly kind: number;
  readonly documentId: string;
  readonly lineId: string;
  readonly customerId: string;
  readonly date: CalendarDate;
  readonly periodEnd: CalendarDate;
  readonly basis: bigint;
  readonly amount: bigint;
  readonly tier: number;
  readonly reductions: readonly AppliedReduction[] | undefined;
};

const INITIAL_CAPACITY = 512;

// A string column has one slot per row of capacity (holes past `size`), so that appending
// writes in place: accrual then allocates nothing per line, and a scavenge inside it (which
// would copy the caller's freshly made lines) is rare. The first slot is written at once, so
// that the elements are of object kind before the accrual loop stores into them.
function stringColumn<T extends string>(capacity: number, from: readonly T[] = []): T[] {
  const column = new Array<T>(capacity);
  column[0] = '' as T;
  for (let i = 0; i < from.length; i++) column[i] = from[i] as T;
  return column;
}

export function emptyTable(capacity: number = INITIAL_CAPACITY): ProvisionTable {
  return {
    size: 0,
    slots: new Int32Array(capacity << 1),
    hash: new Int32Array(capacity),
    deal: new Int32Array(capacity),
    kind: new Uint8Array(capacity),
    tier: new Int32Array(capacity),
    basis: new Float64Array(capacity),
    amount: new Float64Array(capacity),
    documentId: stringColumn(capacity),
    lineId: stringColumn(capacity),
    customerId: stringColumn(capacity),
    date: stringColumn<CalendarDate>(capacity),
    periodEnd: stringColumn<CalendarDate>(capacity),
    deals: [],
    dealLookup: new Map(),
    wide: new Map(),
    reductions: new Map(),
  };
}

/** A copy that can be appended to without changing `t`. */
export function cloneTable(t: ProvisionTable): ProvisionTable {
  return {
    size: t.size,
    slots: t.slots.slice(),
    hash: t.hash.slice(),
    deal: t.deal.slice(),
    kind: t.kind.slice(),
    tier: t.tier.slice(),
    basis: t.basis.slice(),
    amount: t.amount.slice(),
    documentId: t.documentId.slice(),
    lineId: t.lineId.slice(),
    customerId: t.customerId.slice(),
    date: t.date.slice(),
    periodEnd: t.periodEnd.slice(),
    deals: t.deals.slice(),
    dealLookup: new Map(t.dealLookup),
    wide: new Map(t.wide),
    reductions: new Map(t.reductions),
  };
}

/** Index of `deal` in the table's deal column, added when new. */
export function dealIndex(t: ProvisionTable, deal: DealColumn): number {
  const key = `${deal.dealId}|${deal.currency}|${deal.basisScale}`;
  const known = t.dealLookup.get(key);
  if (known !== undefined) return known;
  t.deals.push({ dealId: deal.dealId, currency: deal.currency, basisScale: deal.basisScale });
  t.dealLookup.set(key, t.deals.length - 1);
  return t.deals.length - 1;
}

// FNV-1a over UTF-16 code units, one separator after each string so that ('ab','c') and
// ('a','bc') differ; murmur3's finaliser spreads the low bits the index masks with.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0x1f, FNV_PRIME);
}

/** Hash of the line part of an idempotency key: kind, document, line. */
export function lineHash(kind: number, documentId: string, lineId: string): number {
  return hashString(hashString(Math.imul(FNV_OFFSET ^ kind, FNV_PRIME), documentId), lineId);
}

/** Hash of a deal id, to combine with {@link lineHash} by {@link keyHash}. */
export function dealHash(dealId: string): number {
  return hashString(FNV_OFFSET, dealId);
}

/** Hash of a whole idempotency key. */
export function keyHash(line: number, deal: number): number {
  let h = line ^ Math.imul(deal, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** The row holding the key, or −(slot + 1) for the empty slot where it would go. */
export function findRow(t: ProvisionTable, h: number, dealId: string, kind: number, documentId: string, lineId: string): number {
  const slots = t.slots;
  const mask = slots.length - 1;
  let i = h & mask;
  for (;;) {
    const s = slots[i] as number;
    if (s === 0) return -(i + 1);
    const r = s - 1;
    if (
      t.hash[r] === h &&
      t.lineId[r] === lineId &&
      t.documentId[r] === documentId &&
      t.kind[r] === kind &&
      (t.deals[t.deal[r] as number] as DealColumn).dealId === dealId
    ) {
      return r;
    }
    i = (i + 1) & mask;
  }
}

/**
 * Appends a row for a key `t` does not hold, at the empty slot `found` from {@link findRow}
 * (−(slot + 1)); `deal` is an index from {@link dealIndex}. Basis and amount come as exact
 * doubles, or as NaN with the bigint in `wideBasis` / `wideAmount`.
 */
export function appendRow(
  t: ProvisionTable,
  found: number,
  h: number,
  deal: number,
  kind: number,
  documentId: string,
  lineId: string,
  customerId: string,
  date: CalendarDate,
  periodEnd: CalendarDate,
  basis: number,
  amount: number,
  tier: number,
  reductions: readonly AppliedReduction[] | undefined,
  wideBasis: bigint = 0n,
  wideAmount: bigint = 0n,
): void {
  const r = t.size;
  let slot = -found - 1;
  if (r === t.hash.length) {
    grow(t);
    slot = freeSlot(t, h);
  }
  t.slots[slot] = r + 1;
  t.hash[r] = h;
  t.deal[r] = deal;
  t.kind[r] = kind;
  t.tier[r] = tier;
  if (basis === basis && amount === amount) {
    t.basis[r] = basis;
    t.amount[r] = amount;
  } else {
    // Keep both figures of a wide row in `wide`, so that reading one never mixes sources.
    const b = basis === basis ? BigInt(basis) : wideBasis;
    const a = amount === amount ? BigInt(amount) : wideAmount;
    t.basis[r] = Number.NaN;
    t.amount[r] = Number.NaN;
    t.wide.set(r, { basis: b, amount: a });
  }
  t.documentId[r] = documentId;
  t.lineId[r] = lineId;
  t.customerId[r] = customerId;
  t.date[r] = date;
  t.periodEnd[r] = periodEnd;
  if (reductions !== undefined) t.reductions.set(r, reductions);
  t.size = r + 1;
}

/** Appends a whole row (merging, or rebuilding a table from entries). */
export function appendFullRow(t: ProvisionTable, found: number, h: number, row: ProvisionRow): void {
  const basis = exactDouble(row.basis);
  const amount = exactDouble(row.amount);
  appendRow(t, found, h, dealIndex(t, row.deal), row.kind, row.documentId, row.lineId, row.customerId, row.date, row.periodEnd, basis, amount, row.tier, row.reductions, row.basis, row.amount);
}

/** Appends row `r` of `from` to `t` (merging), copying the columns without building the row. */
export function appendRowOf(t: ProvisionTable, found: number, from: ProvisionTable, r: number, deal: number): void {
  const basis = from.basis[r] as number;
  const amount = from.amount[r] as number;
  const wide = basis === basis ? undefined : from.wide.get(r);
  appendRow(
    t,
    found,
    from.hash[r] as number,
    deal,
    from.kind[r] as number,
    from.documentId[r] as string,
    from.lineId[r] as string,
    from.customerId[r] as string,
    from.date[r] as CalendarDate,
    from.periodEnd[r] as CalendarDate,
    basis,
    amount,
    from.tier[r] as number,
    from.reductions.get(r),
    wide?.basis,
    wide?.amount,
  );
}

export function rowOf(t: ProvisionTable, r: number): ProvisionRow {
  return {
    deal: t.deals[t.deal[r] as number] as DealColumn,
    kind: t.kind[r] as number,
    documentId: t.documentId[r] as string,
    lineId: t.lineId[r] as string,
    customerId: t.customerId[r] as string,
    date: t.date[r] as CalendarDate,
    periodEnd: t.periodEnd[r] as CalendarDate,
    basis: basisAt(t, r),
    amount: amountAt(t, r),
    tier: t.tier[r] as number,
    reductions: t.reductions.get(r),
  };
}

export function basisAt(t: ProvisionTable, r: number): bigint {
  const v = t.basis[r] as number;
  return v === v ? BigInt(v) : (t.wide.get(r)?.basis ?? 0n);
}

export function amountAt(t: ProvisionTable, r: number): bigint {
  const v = t.amount[r] as number;
  return v === v ? BigInt(v) : (t.wide.get(r)?.amount ?? 0n);
}

export function dealOf(t: ProvisionTable, r: number): DealColumn {
  return t.deals[t.deal[r] as number] as DealColumn;
}

/** Whether row `r` holds the same figures as the given ones (what idempotency compares). */
export function sameFigures(
  t: ProvisionTable,
  r: number,
  amount: bigint,
  currency: CurrencyCode,
  basis: bigint,
  basisScale: number,
  periodEnd: CalendarDate,
  customerId: string,
): boolean {
  const d = dealOf(t, r);
  return (
    amountAt(t, r) === amount &&
    d.currency === currency &&
    basisAt(t, r) === basis &&
    d.basisScale === basisScale &&
    t.periodEnd[r] === periodEnd &&
    t.customerId[r] === customerId
  );
}

/** The idempotency key of row `r`: `dealId|kind|documentId|lineId`. */
export function keyOf(t: ProvisionTable, r: number): string {
  return `${dealOf(t, r).dealId}|${t.kind[r] === 1 ? 'creditNote' : 'invoice'}|${t.documentId[r] as string}|${t.lineId[r] as string}`;
}

function freeSlot(t: ProvisionTable, h: number): number {
  const mask = t.slots.length - 1;
  let i = h & mask;
  while ((t.slots[i] as number) !== 0) i = (i + 1) & mask;
  return i;
}

/** Makes room for `rows` rows at once (one resize instead of repeated doubling). */
export function reserve(t: ProvisionTable, rows: number): void {
  if (rows > t.hash.length) grow(t, Math.min(rows, 2 ** 29));
}

// Resizes to `capacity` rows (doubling by default); rows keep their numbers, the slots are
// rebuilt from the stored hashes.
function grow(t: ProvisionTable, capacity: number = t.hash.length << 1): void {
  t.hash = widen(t.hash, new Int32Array(capacity));
  t.deal = widen(t.deal, new Int32Array(capacity));
  t.kind = widen(t.kind, new Uint8Array(capacity));
  t.tier = widen(t.tier, new Int32Array(capacity));
  t.basis = widen(t.basis, new Float64Array(capacity));
  t.amount = widen(t.amount, new Float64Array(capacity));
  t.documentId = stringColumn(capacity, t.documentId);
  t.lineId = stringColumn(capacity, t.lineId);
  t.customerId = stringColumn(capacity, t.customerId);
  t.date = stringColumn(capacity, t.date);
  t.periodEnd = stringColumn(capacity, t.periodEnd);
  let slotCount = 1;
  while (slotCount < capacity * 2) slotCount *= 2;
  const slots = new Int32Array(slotCount);
  const mask = slots.length - 1;
  for (let r = 0; r < t.size; r++) {
    let i = (t.hash[r] as number) & mask;
    while ((slots[i] as number) !== 0) i = (i + 1) & mask;
    slots[i] = r + 1;
  }
  t.slots = slots;
}

function widen<A extends Int32Array | Uint8Array | Float64Array>(from: A, to: A): A {
  (to as { set(a: ArrayLike<unknown>): void }).set(from);
  return to;
}
