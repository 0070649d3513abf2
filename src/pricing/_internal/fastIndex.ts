import type { Scaled } from '../../money/Scaled.js';
import type { TradeAgreement } from '../schemas.js';
import type { Bucket, Columns, ItemEntry, ObjectIndex } from './indexTypes.js';
import { daysFromCivil, MIN_EPOCH_DAY } from '../../calendar/_internal/civil.js';
import { exactDouble } from './integerDoubles.js';
import { OPEN_FROM, OPEN_TO } from './keys.js';

// The search of trade agreements without traces, in flat numeric arrays. Pricing an order line
// visits up to 12 cells; through the object index each is a chain of dependent
// reads (map, bucket, key array, record, its amounts), every one a cache miss once the book is
// large. Here a cell is one probe of an open-addressing table of integers, and the bucket it
// finds is one run of doubles holding each record's validity, band, amount, percentages, price
// unit, charges and find-next flag, so that the search reads no record object at all (results
// get new values built from the doubles, and record ids cut from one string). The numeric arrays
// live outside the JavaScript heap, where the garbage collector does not walk them.
//
// Only buckets whose every figure is an exact integer double and which are small (scanned
// whole) go in; a cell whose bucket does not is marked, and a line that meets such a cell, a
// quantity or a sum that does not fit a double, is searched through the object index instead.

/** Doubles per record in `data` (64 bytes): validity days, band, where its id is, amount, the relation's own two figures, their scales and find next. */
export const STRIDE = 8;
/**
 * Offsets in a record's {@link STRIDE} doubles: its first and last valid day (one double, see
 * {@link DAY_UNIT}), band from and to (at the bucket's band scale), where the record's id is in
 * {@link FastIndex.idText} (start + {@link ID_LENGTH_UNIT} × length: read with the record, not
 * from a second array); the units of the amount and of the two figures only its relation has:
 * price unit and price charges for a price, percent 1 and percent 2 for a discount (so these
 * offsets pair up: a bucket holds one relation); last, find next (1 or 0) + 2 × the three
 * scales, 5 bits each ({@link figureScale}, {@link findsNext}).
 */
export const R_DAYS = 0;
export const R_FROM = 1;
export const R_TO = 2;
export const R_ID = 3;
export const R_AMOUNT = 4;
export const R_PRICE_UNIT = 5;
export const R_CHARGES = 6;
export const R_PERCENT1 = 5;
export const R_PERCENT2 = 6;
const R_SCALES = 7;
/** Figures of at most this scale go in the compact index (5 bits each at {@link R_SCALES}). */
const SCALE_LIMIT = 31;

/** The scale of the figure at offset `field` ({@link R_AMOUNT}, {@link R_PRICE_UNIT} / {@link R_PERCENT1}, {@link R_CHARGES} / {@link R_PERCENT2}) of the record at `r`. */
export function figureScale(d: Float64Array, r: number, field: number): number {
  return ((d[r + R_SCALES] as number) >> (1 + 5 * (field - R_AMOUNT))) & 31;
}

/** Whether the record at `r` has find next on. */
export function findsNext(d: Float64Array, r: number): boolean {
  return ((d[r + R_SCALES] as number) & 1) === 1;
}

/** At {@link R_DAYS}: the first day's number times this, plus the last day's ({@link dayNumber}). */
export const DAY_UNIT: number = 2 ** 22;

/**
 * A date key (yyyymmdd, or the open bounds 0 and 99 999 999) as a number below {@link DAY_UNIT}
 * in the same order: the days since 0000-12-31 (0001-01-01 is 1), 0 for the open start,
 * DAY_UNIT − 1 for the open end (9999-12-31 is 3 652 059).
 */
export function dayNumber(key: number): number {
  if (key === OPEN_FROM) return 0;
  if (key === OPEN_TO) return DAY_UNIT - 1;
  const year = Math.floor(key / 10000);
  const month = Math.floor(key / 100) - 100 * year;
  return daysFromCivil(year, month, key - 100 * Math.floor(key / 100)) - MIN_EPOCH_DAY + 1;
}

/** At {@link R_ID}: the length of the id is the multiple of this, its start the rest (ids text is at most 2^29 long). */
const ID_LENGTH_UNIT = 2 ** 32;
/** Ids of at most this many characters go in the compact index (start + ID_LENGTH_UNIT × length stays an exact double). */
const ID_LENGTH_LIMIT = 2 ** 21;

/** The start in {@link FastIndex.idText} of the id whose place (the double at {@link R_ID}) is `place`. */
export function idStart(place: number): number {
  return place - ID_LENGTH_UNIT * Math.floor(place / ID_LENGTH_UNIT);
}

/** The record id whose place is `place` in the joined ids `text`. */
export function idAt(text: string, place: number): string {
  const start = idStart(place);
  return text.slice(start, start + Math.floor(place / ID_LENGTH_UNIT));
}
/** 32-bit integers per item in `itemRows` (64 bytes). */
export const ITEM_ROW = 16;
/**
 * Offsets in an item's row (see {@link FastIndex.itemRows}) and its flags. What every line
 * reads comes first; the base price, read when no agreement prices the line, last: its key and
 * scales as integers, its units as doubles at {@link ROW_BASE_PRICE} and
 * {@link ROW_BASE_PRICE_UNIT} (even offsets, read through `itemFigures`).
 */
export const ROW_FLAGS = 0;
export const ROW_MULTILINE_GROUP = 1;
export const ROW_LINE_GROUP = 2;
/** Group × item cells of prices (+ 0) and line discounts (+ 1): bit `g & 31` set when account group `g` may have a bucket. */
export const ROW_GROUP_CELL = 3;
/** All × item cells of prices (+ 0, + 1) and line discounts (+ 2, + 3): the bucket's currency and unit key and its {@link probe} answer. */
export const ROW_ALL_CELL = 5;
export const ROW_BASE_KEY = 9;
export const ROW_BASE_PRICE_SCALE = 10;
export const ROW_BASE_PRICE_UNIT_SCALE = 11;
export const ROW_BASE_PRICE = 12;
export const ROW_BASE_PRICE_UNIT = 14;
/** In a row's all × item key: the item has no bucket there, or several (probe the table). */
const NO_KEY = -1;
export const SEVERAL_KEYS = -2;
export const FLAG_BLOCKED = 1;
export const FLAG_TOTAL_ELIGIBLE = 2;
/** Largest bucket searched here (the object index gives larger ones an interval index). */
const FAST_BUCKET = 8;
/** A table slot whose bucket is searched through the object index. */
const SLOW_REF = -1;

/** The compact search structure of prices, line, multiline and total discounts (relation index 0–3). */
export type FastIndex = {
  readonly customerNo: ReadonlyMap<string, number>;
  readonly groupNo: ReadonlyMap<string, number>;
  readonly codeNo: ReadonlyMap<string, number>;
  /**
   * By item number, {@link ITEM_ROW} integers: flags (1 blocked, 2 total-discount eligible), the
   * numbers of its multiline and line-discount groups (−1 none; one pool, `itemGroups`); what
   * the item-keyed cells of prices and line discounts hold for it, so that a line skips the
   * probes that would find nothing and reads its all × item buckets without a probe (see
   * {@link ROW_GROUP_CELL}, {@link ROW_ALL_CELL}); its first base price: currency × 65536 + unit
   * (−1 none, −2 not exact), the scales of its price and price unit, their units (doubles).
   */
  readonly itemRows: Int32Array;
  /** `itemRows` read as doubles (the base price's units, at half the integer offset). */
  readonly itemFigures: Float64Array;
  /** Item group ids (line-discount and multiline groups) by number. */
  readonly itemGroups: readonly string[];
  /**
   * One table per relation index (0–3) and cell (0–8), at 9 × relation + cell, so that the
   * tables of few keys (groups, all customers, item groups) stay in cache. A table is a region
   * of open addressing per account (one customer's, one group's, or the one of all customers),
   * so that the probes of an order's lines, which share the customer, fall in a few cache lines.
   * Slots of 4 integers: item key number, currency × 65536 + unit, reference (0 empty, −1 slow,
   * else offset + 1 in `data`), unused.
   */
  readonly tables: readonly Int32Array[];
  /** Per table, by account number: the region's first slot and its mask (−1: no region). */
  readonly regions: readonly Int32Array[];
  /** Per bucket: record count, band scale, then {@link STRIDE} doubles per record. */
  readonly data: Float64Array;
  /** The ids of the records in `data`, end to end (see {@link R_ID}). */
  readonly idText: string;
};

function slotOf(mask: number, k2: number, k3: number): number {
  let h = Math.imul(k2, 0x85ebca77) ^ Math.imul(k3, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 13;
  return h & mask;
}

/** No bucket: what {@link probe} answers for a key the table does not hold. */
export const NO_BUCKET = -1;
/** A bucket the object index must search: what {@link probe} answers for a slot marked {@link SLOW_REF}. */
export const SLOW_BUCKET = -2;

/** The offset in `data` of the bucket in table `cell` (9 × relation + cell) of account `k1`, item key `k2` and currency and unit `k3`; {@link NO_BUCKET} or {@link SLOW_BUCKET}. */
export function probe(f: FastIndex, cell: number, k1: number, k2: number, k3: number): number {
  const r = f.regions[cell] as Int32Array;
  if (2 * k1 >= r.length) return NO_BUCKET;
  const first = r[2 * k1] as number;
  const mask = r[2 * k1 + 1] as number;
  if (mask < 0) return NO_BUCKET;
  const t = f.tables[cell] as Int32Array;
  for (let s = slotOf(mask, k2, k3); ; s = (s + 1) & mask) {
    const at = 4 * (first + s);
    const ref = t[at + 2] as number;
    if (ref === 0) return NO_BUCKET;
    if (t[at] === k2 && t[at + 1] === k3) return ref === SLOW_REF ? SLOW_BUCKET : ref - 1;
  }
}

/**
 * Builds the compact index from the object index. `items` are the index's entries, with their
 * numbers (`no`, 0, 1, …) and attributes set; `byNo` the same entries in number order (items
 * are numbered by group: see ItemEntry.no), in which the item-keyed buckets are laid out.
 */
export function buildFastIndex(objects: ObjectIndex, items: ReadonlyMap<string, ItemEntry>, byNo: readonly ItemEntry[]): FastIndex {
  const { customers, groups, all } = objects;
  const customerNo = new Map<string, number>();
  const groupNo = new Map<string, number>();
  const codeNo = new Map<string, number>();
  const itemGroupNo = new Map<string, number>();
  const numberOf = (pool: Map<string, number>, key: string): number => {
    let n = pool.get(key);
    if (n === undefined) pool.set(key, (n = pool.size));
    return n;
  };
  // Per table: the buckets and their account and item keys, in parallel lists.
  const cellBuckets: Bucket[][] = Array.from({ length: 36 }, () => []);
  const cellKeys: number[][] = Array.from({ length: 36 }, () => []);
  const chain = (first: Bucket | undefined, cell: number, k1: number, k2: number): void => {
    for (let b = first; b !== undefined; b = b.next) {
      (cellBuckets[cell] as Bucket[]).push(b);
      (cellKeys[cell] as number[]).push(k1, k2);
    }
  };
  const columns = (c: Columns | undefined, account: number, ri: number, row: number): void => {
    if (c === undefined) return;
    const cell = 9 * ri + 3 * row;
    if (c.byItem !== undefined) for (const [id, b] of c.byItem) chain(b, cell, account, (items.get(id) as ItemEntry).no);
    if (c.byItemGroup !== undefined) for (const [g, b] of c.byItemGroup) chain(b, cell + 1, account, numberOf(itemGroupNo, g));
    chain(c.allItems, cell + 2, account, 0);
  };
  for (let ri = 0; ri <= 3; ri++) {
    for (const [id, byRelation] of customers) if (byRelation[ri] !== undefined) columns(byRelation[ri], numberOf(customerNo, id), ri, 0);
    for (const [g, c] of groups[ri] as ReadonlyMap<string, Columns>) columns(c, numberOf(groupNo, g), ri, 1);
    columns(all[ri], 0, ri, 2);
  }
  for (const { itemId, no } of byNo) {
    const e = objects.items.get(itemId);
    if (e === undefined) continue;
    chain(e.allPrice, 6, 0, no);
    chain(e.allLineDiscount, 9 + 6, 0, no);
    for (const [list, ri] of [[e.groupPrice, 0], [e.groupLineDiscount, 1]] as const) {
      if (list !== undefined) for (let k = 0; k < list.length; k += 2) chain(list[k + 1] as Bucket, 9 * ri + 3, numberOf(groupNo, list[k] as string), no);
    }
  }
  let size = 0;
  for (const list of cellBuckets) {
    for (const b of list) {
      if (fits(b)) size += 2 + STRIDE * b.records.length;
      numberOf(codeNo, b.currency);
      numberOf(codeNo, b.unit);
    }
  }
  const data = new Float64Array(size);
  const ids: IdText = { parts: [], length: 0 };
  // More currencies and units than the key holds (never seen): every table stays empty, and every search goes through the objects.
  const usable = codeNo.size < 32768;
  const tables: Int32Array[] = [];
  const regionsOf: Int32Array[] = [];
  const itemRows = new Int32Array(ITEM_ROW * items.size);
  const itemFigures = new Float64Array(itemRows.buffer);
  for (let row = 0; row < itemRows.length; row += ITEM_ROW) itemRows.fill(NO_KEY, row + ROW_ALL_CELL, row + ROW_ALL_CELL + 4);
  let o = 0;
  for (let cell = 0; cell < 36; cell++) {
    const list = usable ? (cellBuckets[cell] as Bucket[]) : [];
    const keys = cellKeys[cell] as number[];
    // Buckets per account, then a power-of-two region of at least twice as many slots for each.
    let accounts = 0;
    for (let k = 0; k < list.length; k++) accounts = Math.max(accounts, (keys[2 * k] as number) + 1);
    const counts = new Int32Array(accounts);
    for (let k = 0; k < list.length; k++) {
      const a = keys[2 * k] as number;
      counts[a] = (counts[a] as number) + 1;
    }
    const regions = new Int32Array(2 * accounts).fill(-1);
    let slots = 0;
    for (let a = 0; a < accounts; a++) {
      if (counts[a] === 0) continue;
      let capacity = 2;
      while (capacity < 2 * (counts[a] as number)) capacity *= 2;
      regions[2 * a] = slots;
      regions[2 * a + 1] = capacity - 1;
      slots += capacity;
    }
    const table = new Int32Array(4 * slots);
    for (let k = 0; k < list.length; k++) {
      const b = list[k] as Bucket;
      const k1 = keys[2 * k] as number;
      const k2 = keys[2 * k + 1] as number;
      const k3 = 65536 * (codeNo.get(b.currency) as number) + (codeNo.get(b.unit) as number);
      let ref = SLOW_REF;
      if (fits(b)) {
        ref = o + 1;
        o = writeBucket(data, o, b, ids);
      }
      if (cell === 3 || cell === 12) {
        const at = ITEM_ROW * k2 + ROW_GROUP_CELL + (cell === 3 ? 0 : 1);
        itemRows[at] = (itemRows[at] as number) | (1 << (k1 & 31));
      }
      if (cell === 6 || cell === 15) {
        const at = ITEM_ROW * k2 + ROW_ALL_CELL + (cell === 6 ? 0 : 2);
        itemRows[at] = itemRows[at] === NO_KEY ? k3 : SEVERAL_KEYS;
        itemRows[at + 1] = ref === SLOW_REF ? SLOW_BUCKET : ref - 1;
      }
      const first = regions[2 * k1] as number;
      const mask = regions[2 * k1 + 1] as number;
      let s = slotOf(mask, k2, k3);
      while (table[4 * (first + s) + 2] !== 0) s = (s + 1) & mask;
      const at = 4 * (first + s);
      table[at] = k2;
      table[at + 1] = k3;
      table[at + 2] = ref;
    }
    tables.push(table);
    regionsOf.push(regions);
  }
  for (const e of items.values()) {
    const bp = e.basePrice;
    const exactBase = bp !== undefined && !Number.isNaN(exactDouble(bp.price.units)) && !Number.isNaN(exactDouble(bp.priceUnit.units)) && usable;
    const row = ITEM_ROW * e.no;
    itemRows[row + ROW_FLAGS] = (e.blocked ? FLAG_BLOCKED : 0) + (e.totalDiscountEligible ? FLAG_TOTAL_ELIGIBLE : 0);
    itemRows[row + ROW_MULTILINE_GROUP] = e.multilineDiscountGroup === undefined ? -1 : numberOf(itemGroupNo, e.multilineDiscountGroup);
    itemRows[row + ROW_LINE_GROUP] = e.lineDiscountGroup === undefined ? -1 : numberOf(itemGroupNo, e.lineDiscountGroup);
    itemRows[row + ROW_BASE_KEY] = bp === undefined ? -1 : exactBase ? 65536 * numberOf(codeNo, bp.currency) + numberOf(codeNo, bp.unit) : -2;
    itemRows[row + ROW_BASE_PRICE_SCALE] = bp?.price.scale ?? 0;
    itemRows[row + ROW_BASE_PRICE_UNIT_SCALE] = bp?.priceUnit.scale ?? 0;
    itemFigures[(row + ROW_BASE_PRICE) / 2] = exactBase ? exactDouble(bp.price.units) : 0;
    itemFigures[(row + ROW_BASE_PRICE_UNIT) / 2] = exactBase ? exactDouble(bp.priceUnit.units) : 0;
  }
  return { customerNo, groupNo, codeNo, itemRows, itemFigures, itemGroups: [...itemGroupNo.keys()], tables, regions: regionsOf, data, idText: ids.parts.join('') };
}

function fits(b: Bucket): boolean {
  if (b.scale < 0 || b.records.length > FAST_BUCKET) return false;
  for (const r of b.records) {
    if (r.id.length > ID_LENGTH_LIMIT) return false;
    const first = firstFigure(r);
    const second = secondFigure(r);
    if (Number.isNaN(exactDouble(r.amount.units) + exactDouble(first.units) + exactDouble(second.units))) return false;
    if (Math.max(r.amount.scale, first.scale, second.scale) > SCALE_LIMIT) return false;
  }
  return true;
}

/** The first of the two figures only the record's relation has (at {@link R_PRICE_UNIT} / {@link R_PERCENT1}). */
function firstFigure(r: TradeAgreement): Scaled {
  return r.relation === 'price' ? r.priceUnit : r.percent1;
}

/** The second (at {@link R_CHARGES} / {@link R_PERCENT2}). */
function secondFigure(r: TradeAgreement): Scaled {
  return r.relation === 'price' ? r.priceCharges : r.percent2;
}

/**
 * Band scale of the compact index: bands are kept with at least this many decimals (when the
 * integers stay exact), so that a quantity with up to as many decimals compares as an integer.
 */
const BAND_SCALE = 6;

/** The record ids written so far, and their total length. */
type IdText = { readonly parts: string[]; length: number };

function writeBucket(data: Float64Array, o: number, b: Bucket, ids: IdText): number {
  const keys = b.keys;
  let scale = Math.max(b.scale, BAND_SCALE);
  const factor = 10 ** (scale - b.scale);
  for (let k = 0; k < keys.length; k += 4) {
    if (!Number.isSafeInteger((keys[k + 2] as number) * factor) || !((keys[k + 3] as number) === Number.POSITIVE_INFINITY || Number.isSafeInteger((keys[k + 3] as number) * factor))) scale = b.scale;
  }
  const m = 10 ** (scale - b.scale);
  data[o] = b.records.length;
  data[o + 1] = scale;
  let at = o + 2;
  b.records.forEach((r, k) => {
    const place = ids.length + ID_LENGTH_UNIT * r.id.length;
    ids.parts.push(r.id);
    ids.length += r.id.length;
    const first = firstFigure(r);
    const second = secondFigure(r);
    // In the order of the R_ offsets.
    data.set(
      [
        DAY_UNIT * dayNumber(keys[4 * k] as number) + dayNumber(keys[4 * k + 1] as number),
        (keys[4 * k + 2] as number) * m,
        (keys[4 * k + 3] as number) * m,
        place,
        exactDouble(r.amount.units),
        exactDouble(first.units),
        exactDouble(second.units),
        (r.findNext ? 1 : 0) + 2 * (r.amount.scale + 32 * (first.scale + 32 * second.scale)),
      ],
      at,
    );
    at += STRIDE;
  });
  return at;
}
