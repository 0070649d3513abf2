import { type Scaled, scaledOf } from '../../money/Scaled.js';
import type { ActivationMatrix, Relation } from '../schemas.js';
import { DAY_UNIT, dayNumber, type FastIndex, figureScale, findsNext, idAt, idStart, ITEM_ROW, NO_BUCKET, probe, R_AMOUNT, ROW_ALL_CELL, ROW_GROUP_CELL, R_CHARGES, R_DAYS, R_FROM, R_ID, R_PERCENT1, R_PERCENT2, R_PRICE_UNIT, R_TO, SEVERAL_KEYS, SLOW_BUCKET, STRIDE } from './fastIndex.js';
import { POW10_DOUBLE } from './integerDoubles.js';
import { ALLOWED, type Candidate, type DiscountSum, NO_DISCOUNT } from './search.js';

const RELATIONS: readonly Relation[] = ['price', 'lineDiscount', 'multilineDiscount', 'totalDiscount'];

// Price and discount searches without trace or generic currency, on the compact index: the
// same choices as `findPrice` and `findDiscount` (reference §1.3). They answer SLOW when the
// search needs the object index (a cell whose bucket is not in the compact index, a quantity or
// a product beyond exact doubles); the caller then searches there.

/** The answer "search this line through the object index". */
export const SLOW = null;

/** What the searches of one order share on the compact index. */
export type FastOrder = {
  readonly f: FastIndex;
  /** By relation index: whether each of the 9 cells is searched (activated and allowed for the relation). */
  readonly cells: readonly (readonly boolean[])[];
  /** Account numbers (−1 = none in the index): the customer, and its group of each relation index. */
  readonly customer: number;
  readonly groups: readonly number[];
  /** The order currency's code number × 65536. */
  readonly currency: number;
  /** The pricing date as a {@link dayNumber}. */
  readonly day: number;
  /** Scratch: data offsets of a discount's records. */
  readonly found: number[];
  /**
   * The discounts found for the order so far, {@link MEMO_SLOTS} slots by a hash of their
   * records' offsets (see {@link remembered}): the lines of one item group mostly find the same
   * records (the item-group and all-items cells), and share one result.
   */
  readonly sums: (DiscountSum | undefined)[];
  /** Per slot of `sums`: its records' count, then their offsets ({@link MEMO_RECORDS} places). */
  readonly sumKeys: number[];
  /** What {@link warmItemBuckets} read last (kept, so that its reads are not optimised away). */
  warmed: number;
};

/** The compact-index context of an order, or undefined when its currency has no number there (`currencyNo` −1). */
export function fastOrder(f: FastIndex, activation: ActivationMatrix, customerId: string, groups: readonly (string | undefined)[], currencyNo: number, day: number): FastOrder | undefined {
  if (currencyNo < 0) return undefined;
  return {
    f,
    cells: RELATIONS.map((relation) => activation[relation].map((on, i) => on && (ALLOWED[relation][i] as boolean))),
    customer: f.customerNo.get(customerId) ?? -1,
    groups: groups.map((g) => (g === undefined ? -1 : (f.groupNo.get(g) ?? -1))),
    currency: 65536 * currencyNo,
    day: dayNumber(day),
    found: [],
    sums: new Array<DiscountSum | undefined>(MEMO_SLOTS).fill(undefined),
    sumKeys: new Array<number>(MEMO_SLOTS * (1 + MEMO_RECORDS)).fill(0),
    warmed: 0,
  };
}

/**
 * Reads the all × item buckets (prices, line discounts) of the items `nos[0 … n − 1]` (−1:
 * unknown) before the searches: first each bucket's first double, for all the lines in one
 * loop of independent reads, then each bucket's further cache lines and its first record's id.
 * In a large book these are not in cache, and a line's search reaches them only at the end of a
 * chain of reads (row, bucket, record, id), each waiting for the one before; here the misses of
 * the order's lines overlap, and the searches find their buckets loaded. A small book's items
 * mostly have no such bucket: the loops then read rows already in cache.
 */
export function warmItemBuckets(o: FastOrder, nos: readonly number[], n: number): void {
  const rows = o.f.itemRows;
  const d = o.f.data;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const row = ITEM_ROW * (nos[i] as number);
    if (row < 0) continue;
    const price = rows[row + ROW_ALL_CELL + 1] as number;
    const discount = rows[row + ROW_ALL_CELL + 3] as number;
    if (price >= 0) sum += d[price] as number;
    if (discount >= 0) sum += d[discount] as number;
  }
  for (let i = 0; i < n; i++) {
    const row = ITEM_ROW * (nos[i] as number);
    if (row < 0) continue;
    sum += warmBucket(o.f, rows[row + ROW_ALL_CELL + 1] as number) + warmBucket(o.f, rows[row + ROW_ALL_CELL + 3] as number);
  }
  o.warmed = sum;
}

/** Reads the bucket at `at` (a {@link probe} answer) past its first cache line, and its first record's id; the sum of what it read. */
function warmBucket(f: FastIndex, at: number): number {
  if (at < 0) return 0;
  const d = f.data;
  let sum = f.idText.charCodeAt(idStart(d[at + 2 + R_ID] as number));
  const end = at + 2 + STRIDE * (d[at] as number);
  for (let k = at + LINE; k < end; k += LINE) sum += d[k] as number;
  return sum;
}

/** Doubles per cache line (64 bytes). */
const LINE = 8;

/** The quantity as an integer at the band scale of the bucket at `o`, or −1 when that is not an exact double. */
function bandUnits(d: Float64Array, o: number, qUnits: number, qScale: number): number {
  const q = qUnits * (POW10_DOUBLE[(d[o + 1] as number) - qScale] as number);
  return Number.isSafeInteger(q) ? q : -1;
}

/** Whether the unit price of the record at `x` is below that at `y` (amount / price unit, compared without dividing); −1 when a product is not exact. */
function cheaperAt(d: Float64Array, x: number, y: number): number {
  const lhs = (d[x + R_AMOUNT] as number) * (d[y + R_PRICE_UNIT] as number) * (POW10_DOUBLE[figureScale(d, y, R_AMOUNT) + figureScale(d, x, R_PRICE_UNIT)] as number);
  const rhs = (d[y + R_AMOUNT] as number) * (d[x + R_PRICE_UNIT] as number) * (POW10_DOUBLE[figureScale(d, x, R_AMOUNT) + figureScale(d, y, R_PRICE_UNIT)] as number);
  if (!Number.isSafeInteger(lhs) || !Number.isSafeInteger(rhs)) return -1;
  return lhs < rhs ? 1 : 0;
}

/**
 * {@link probe} of an item-keyed cell `i` (0, 3 or 6) of relation index `ri` (0 prices, 1 line
 * discounts), through what the item's row says of the cell: a group × item probe only when the
 * account group may have a bucket, the all × item bucket without a probe when it is the item's
 * only one there.
 */
function itemProbe(f: FastIndex, ri: number, i: number, account: number, item: number, k3: number): number {
  const row = ITEM_ROW * item;
  if (i === 3 && ((f.itemRows[row + ROW_GROUP_CELL + ri] as number) & (1 << (account & 31))) === 0) return NO_BUCKET;
  if (i === 6) {
    const key = f.itemRows[row + ROW_ALL_CELL + 2 * ri] as number;
    if (key === k3) return f.itemRows[row + ROW_ALL_CELL + 2 * ri + 1] as number;
    if (key !== SEVERAL_KEYS) return NO_BUCKET;
  }
  return probe(f, 9 * ri + i, account, item, k3);
}

/** Whether the record at `r` is valid on `day` (a {@link dayNumber}) and its band holds `q`. */
function matches(d: Float64Array, r: number, day: number, q: number): boolean {
  const days = d[r + R_DAYS] as number;
  const first = Math.floor(days / DAY_UNIT);
  return day >= first && day <= days - DAY_UNIT * first && q >= (d[r + R_FROM] as number) && q < (d[r + R_TO] as number);
}

/**
 * The price of a line: lowest over the path, the first cell's best when it has find next off.
 * `item` is the item number (−1 when the book has no agreement on it), `unit` the unit's code
 * number (−1 when unknown to the index).
 */
export function fastPrice(o: FastOrder, item: number, unit: number, qUnits: number, qScale: number): Candidate | undefined | typeof SLOW {
  if (item < 0 || unit < 0) return undefined;
  const f = o.f;
  const d = f.data;
  const k3 = o.currency + unit;
  const cells = o.cells[0] as readonly boolean[];
  const group = o.groups[0] as number;
  let best = -1;
  for (let i = 0; i < 9; i += 3) {
    if (cells[i] !== true) continue;
    const account = i === 0 ? o.customer : i === 3 ? group : 0;
    if (account < 0) continue;
    const at = itemProbe(f, 0, i, account, item, k3);
    if (at === NO_BUCKET) continue;
    const q = at === SLOW_BUCKET ? -1 : bandUnits(d, at, qUnits, qScale);
    if (q < 0) return SLOW;
    const end = at + 2 + STRIDE * (d[at] as number);
    let c = -1;
    for (let r = at + 2; r < end; r += STRIDE) {
      if (!matches(d, r, o.day, q)) continue;
      if (c < 0) c = r;
      else {
        const x = cheaperAt(d, r, c);
        if (x < 0) return SLOW;
        if (x === 1) c = r;
      }
    }
    if (c < 0) continue;
    if (best < 0) best = c;
    else {
      const x = cheaperAt(d, c, best);
      if (x < 0) return SLOW;
      if (x === 1) best = c;
    }
    if (!findsNext(d, c)) break;
  }
  if (best < 0) return undefined;
  return { recordId: idAt(f.idText, d[best + R_ID] as number), amount: figureAt(d, best, R_AMOUNT), priceUnit: figureAt(d, best, R_PRICE_UNIT), charges: figureAt(d, best, R_CHARGES), generic: false };
}

/**
 * The discount of relation index `ri` (1 line, 2 multiline, 3 total): records accumulate
 * along the path until one with find next off. `item` is the item number, `group` the item
 * group's number (−1 = none); `unit` the code number of the line's unit ('' for multiline and
 * total discounts).
 */
export function fastDiscount(o: FastOrder, ri: number, item: number, group: number, unit: number, qUnits: number, qScale: number): DiscountSum | typeof SLOW {
  if (unit < 0) return NO_DISCOUNT;
  const f = o.f;
  const d = f.data;
  const k3 = o.currency + unit;
  const found = o.found;
  const cells = o.cells[ri] as readonly boolean[];
  const accountGroup = o.groups[ri] as number;
  let n = 0;
  let stop = false;
  for (let i = 0; i < 9 && !stop; i++) {
    if (cells[i] !== true) continue;
    const row = (i / 3) | 0;
    const account = row === 0 ? o.customer : row === 1 ? accountGroup : 0;
    const column = i - 3 * row;
    const key = column === 0 ? item : column === 1 ? group : 0;
    if (account < 0 || key < 0) continue;
    const at = column === 0 ? itemProbe(f, ri, i, account, key, k3) : probe(f, 9 * ri + i, account, key, k3);
    if (at === NO_BUCKET) continue;
    const q = at === SLOW_BUCKET ? -1 : bandUnits(d, at, qUnits, qScale);
    if (q < 0) return SLOW;
    const end = at + 2 + STRIDE * (d[at] as number);
    for (let r = at + 2; r < end; r += STRIDE) {
      if (!matches(d, r, o.day, q)) continue;
      found[n++] = r;
      if (!findsNext(d, r)) {
        stop = true;
        break;
      }
    }
  }
  if (n === 0) return NO_DISCOUNT;
  const slot = n <= MEMO_RECORDS ? memoSlot(found, n) : -1;
  if (slot >= 0 && remembered(o, slot, n)) return o.sums[slot] as DiscountSum;
  const amount = sumAt(d, found, n, R_AMOUNT);
  const percent1 = sumAt(d, found, n, R_PERCENT1);
  const percent2 = sumAt(d, found, n, R_PERCENT2);
  if (amount === undefined || percent1 === undefined || percent2 === undefined) return SLOW;
  // Of its final length: an array grown by push keeps room for 17.
  const recordIds = new Array<string>(n);
  for (let k = 0; k < n; k++) recordIds[k] = idAt(f.idText, d[(found[k] as number) + R_ID] as number);
  const sum: DiscountSum = { amount, percent1, percent2, recordIds };
  if (slot >= 0) {
    const at = slot * (1 + MEMO_RECORDS);
    o.sumKeys[at] = n;
    for (let k = 0; k < n; k++) o.sumKeys[at + 1 + k] = found[k] as number;
    o.sums[slot] = sum;
  }
  return sum;
}

/** Slots of {@link FastOrder.sums} (a power of two). */
const MEMO_SLOTS = 32;
/** Most records of a remembered discount. */
const MEMO_RECORDS = 7;

/** The slot of `sums` for the records at `found[0 … n − 1]`. */
function memoSlot(found: readonly number[], n: number): number {
  let h = n;
  for (let k = 0; k < n; k++) h = Math.imul(h ^ (found[k] as number), 0x9e3779b1);
  return (h >>> 16) & (MEMO_SLOTS - 1);
}

/** Whether slot `slot` of `o.sums` holds the discount of exactly the records at `o.found[0 … n − 1]`, in that order. */
function remembered(o: FastOrder, slot: number, n: number): boolean {
  const keys = o.sumKeys;
  const at = slot * (1 + MEMO_RECORDS);
  if (keys[at] !== n) return false;
  for (let k = 0; k < n; k++) if (keys[at + 1 + k] !== o.found[k]) return false;
  return true;
}

/** Σ of the figure at `field` (units, then scale) of the records at `found`, at the largest scale (and at least 0); undefined when not exact. */
function sumAt(d: Float64Array, found: readonly number[], n: number, field: number): Scaled | undefined {
  if (n === 1) return figureAt(d, found[0] as number, field);
  let scale = 0;
  for (let k = 0; k < n; k++) scale = Math.max(scale, figureScale(d, found[k] as number, field));
  let units = 0;
  for (let k = 0; k < n; k++) {
    const r = found[k] as number;
    const term = (d[r + field] as number) * (POW10_DOUBLE[scale - figureScale(d, r, field)] as number);
    units += term;
    if (!Number.isSafeInteger(term) || !Number.isSafeInteger(units)) return undefined;
  }
  return scaledOfDouble(units, scale);
}

/** Zero at scales 0 … 22 (most percentages 2 and discount amounts are zero). */
const ZEROS: readonly Scaled[] = /* @__PURE__ */ Array.from({ length: 23 }, (_, s) => scaledOf(0n, s));
/** Units below this at scales 0 … 3 get one shared value each (price units, percentages, small amounts). */
const SMALL_UNITS = 1024;
/** The shared small values, made on first use (`Scaled` values are immutable). */
const SMALL: (Scaled | undefined)[] = /* @__PURE__ */ new Array<Scaled | undefined>(4 * SMALL_UNITS).fill(undefined);

/** `units / 10^scale` for integer-double units; a shared value for zero and small figures, else a new one. */
export function scaledOfDouble(units: number, scale: number): Scaled {
  if (units === 0 && scale < ZEROS.length) return ZEROS[scale] as Scaled;
  if (units > 0 && units < SMALL_UNITS && scale < 4) {
    const k = SMALL_UNITS * scale + units;
    return (SMALL[k] ??= scaledOf(BigInt(units), scale));
  }
  return scaledOf(BigInt(units), scale);
}

/**
 * The figure at offset `field` of the record at `r` as a Scaled. Reading a record's own Scaled
 * would reach two more objects (the value and its bigint), cold in a large book; this allocates
 * instead (or shares a zero or a small figure).
 */
function figureAt(d: Float64Array, r: number, field: number): Scaled {
  return scaledOfDouble(d[r + field] as number, figureScale(d, r, field));
}
