import { type Scaled, scaledOf } from '../../money/Scaled.js';
import type { CalendarDate } from '../../calendar/CalendarDate.js';
import type { Relation, RelationCode, TradeAgreement } from '../schemas.js';
import { exactDouble } from './integerDoubles.js';
import { type JoinedStrings, joinStrings, stringAt } from './joinedStrings.js';

// A compiled book's records as columns of numbers outside the JavaScript heap, and the record
// objects rebuilt from them when a caller first reads them. A program that holds a large book
// pays for its objects in every young-generation collection, searching or not: a million
// record objects made each collection of a pricing run twice as long as the same run beside the
// book without them, and the searches without trace read no record (the compact index holds
// their figures). The ids are one string (a million strings held cost like a million objects);
// the other strings are numbers into one pool of distinct values.

const RELATIONS: readonly Relation[] = ['price', 'lineDiscount', 'multilineDiscount', 'totalDiscount'];
const CODES: readonly RelationCode[] = ['table', 'group', 'all'];
/** Figures per record, in this order: fromQty, toQty, priceUnit, amount, percent1, percent2, priceCharges. */
const FIGURES = 7;
/** Strings per record besides the id, in this order: accountRelation, itemRelation, currency, unit, fromDate, toDate (−1: absent). */
const TEXTS = 6;

/** The records of a book as columns; see {@link recordWriter} and {@link recordsOf}. */
export type RecordColumns = {
  readonly count: number;
  readonly ids: JoinedStrings;
  /** Distinct strings of the records, by number. */
  readonly pool: readonly string[];
  /** Per record: relation (bits 0–1), account code (2–3), item code (4–5), find next (6). */
  readonly flags: Uint8Array;
  /** {@link TEXTS} pool numbers per record. */
  readonly texts: Int32Array;
  /** {@link FIGURES} figures per record: units (NaN when not an exact double) and scale (at most 30, as the schema allows). */
  readonly units: Float64Array;
  readonly scales: Uint8Array;
  /** The figures whose units are NaN in `units`, by {@link FIGURES} × record + figure. */
  readonly wide: ReadonlyMap<number, Scaled>;
};

/** Appends valid records (at most `capacity`) to new columns; `done` returns them. */
export function recordWriter(capacity: number): { add(r: TradeAgreement): void; done(): RecordColumns } {
  const ids: string[] = [];
  const pool: string[] = [];
  const numbers = new Map<string, number>();
  const flags = new Uint8Array(capacity);
  const texts = new Int32Array(TEXTS * capacity);
  const units = new Float64Array(FIGURES * capacity);
  const scales = new Uint8Array(FIGURES * capacity);
  const wide = new Map<number, Scaled>();
  const text = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let n = numbers.get(s);
    if (n === undefined) {
      n = pool.push(s) - 1;
      numbers.set(s, n);
    }
    return n;
  };
  const figure = (at: number, v: Scaled): void => {
    const u = exactDouble(v.units);
    if (Number.isNaN(u)) {
      units[at] = Number.NaN;
      wide.set(at, v);
    } else {
      units[at] = u;
      scales[at] = v.scale;
    }
  };
  return {
    add(r) {
      const i = ids.push(r.id) - 1;
      flags[i] = RELATIONS.indexOf(r.relation) | (CODES.indexOf(r.accountCode) << 2) | (CODES.indexOf(r.itemCode) << 4) | (r.findNext ? 64 : 0);
      const t = TEXTS * i;
      texts[t] = text(r.accountRelation);
      texts[t + 1] = text(r.itemRelation);
      texts[t + 2] = text(r.currency);
      texts[t + 3] = text(r.unit);
      texts[t + 4] = text(r.fromDate);
      texts[t + 5] = text(r.toDate);
      const f = FIGURES * i;
      figure(f, r.fromQty);
      figure(f + 1, r.toQty);
      figure(f + 2, r.priceUnit);
      figure(f + 3, r.amount);
      figure(f + 4, r.percent1);
      figure(f + 5, r.percent2);
      figure(f + 6, r.priceCharges);
    },
    // Views, not copies: a compile fills every row it made room for (a bad record throws first).
    done: () => ({
      count: ids.length,
      ids: joinStrings(ids),
      pool,
      flags: flags.subarray(0, ids.length),
      texts: texts.subarray(0, TEXTS * ids.length),
      units: units.subarray(0, FIGURES * ids.length),
      scales: scales.subarray(0, FIGURES * ids.length),
      wide,
    }),
  };
}

/**
 * The records, built side by side in one pass: keys in the parser's order, one string per
 * value (the pool's), ids their own, and one shared value per small figure (units below 2^20,
 * at most 7 decimals: bands, percentages, price units, most amounts), `Scaled` being immutable.
 */
export function recordsOf(c: RecordColumns): TradeAgreement[] {
  const shared = new Map<number, Scaled>();
  const { units, scales, texts, pool } = c;
  const one = (at: number): Scaled => {
    const u = units[at] as number;
    if (Number.isNaN(u)) return c.wide.get(at) as Scaled;
    const scale = scales[at] as number;
    if (u >= 2 ** 20 || scale > 7) return scaledOf(BigInt(u), scale);
    const key = u * 8 + scale;
    let v = shared.get(key);
    if (v === undefined) shared.set(key, (v = scaledOf(BigInt(u), scale)));
    return v;
  };
  const out = new Array<TradeAgreement>(c.count);
  for (let i = 0; i < c.count; i++) {
    const id = stringAt(c.ids, i);
    const bits = c.flags[i] as number;
    const relation = RELATIONS[bits & 3] as Relation;
    const accountCode = CODES[(bits >> 2) & 3] as RelationCode;
    const itemCode = CODES[(bits >> 4) & 3] as RelationCode;
    const findNext = (bits & 64) !== 0;
    const t = TEXTS * i;
    const [accountRelation, itemRelation, currency, unit] = [pool[texts[t] as number] as string, pool[texts[t + 1] as number] as string, pool[texts[t + 2] as number] as string, pool[texts[t + 3] as number] as string];
    const from = texts[t + 4] as number;
    const to = texts[t + 5] as number;
    const f = FIGURES * i;
    const [fromQty, toQty, priceUnit, amount, percent1, percent2, priceCharges] = [one(f), one(f + 1), one(f + 2), one(f + 3), one(f + 4), one(f + 5), one(f + 6)];
    // One literal per shape (fields in place, no spread: a spread object may fall into
    // dictionary mode), dates where the parser puts them.
    if (from < 0) {
      out[i] =
        to < 0
          ? { id, relation, accountCode, accountRelation, itemCode, itemRelation, currency, unit, fromQty, toQty, priceUnit, amount, percent1, percent2, priceCharges, findNext }
          : { id, relation, accountCode, accountRelation, itemCode, itemRelation, currency, unit, fromQty, toQty, toDate: pool[to] as CalendarDate, priceUnit, amount, percent1, percent2, priceCharges, findNext };
    } else {
      const fromDate = pool[from] as CalendarDate;
      out[i] =
        to < 0
          ? { id, relation, accountCode, accountRelation, itemCode, itemRelation, currency, unit, fromQty, toQty, fromDate, priceUnit, amount, percent1, percent2, priceCharges, findNext }
          : { id, relation, accountCode, accountRelation, itemCode, itemRelation, currency, unit, fromQty, toQty, fromDate, toDate: pool[to] as CalendarDate, priceUnit, amount, percent1, percent2, priceCharges, findNext };
    }
  }
  return out;
}
