import { dateKey } from '../../calendar/_internal/dateKey.js';
import { pow10, type Scaled } from '../../money/Scaled.js';
import type { BasePrice, ItemAttributes, Relation, RelationCode, TradeAgreement } from '../schemas.js';
import { buildFastIndex, type FastIndex } from './fastIndex.js';
import { OPEN_FROM, OPEN_TO } from './keys.js';
import type { Bucket, BucketIndex, BucketPart, Columns, ItemBuckets, ItemEntry, ObjectIndex } from './indexTypes.js';
import { buildSegments } from './segments.js';

// The search index of a price book, in two structures:
// - the compact index (fastIndex.ts): integer tables and doubles outside the JavaScript heap,
//   built at compile time, for every search without trace;
// - the object index: the agreements in buckets of objects (account side first for customers
//   and customer groups, item side first for the rest; per bucket, the validity days and band
//   bounds of its records in one flat array of numbers and, on large buckets, an interval
//   index), for traces, the generic currency, analyses and what the compact index leaves out.
//   It is built when first needed and then kept: a million agreements make about as many of
//   its objects, and a program that holds them pays for them in every young-generation
//   collection, searching or not.

/** The compiled search structure of a price book (internal layout). */
export type PriceIndex = {
  readonly items: ReadonlyMap<string, ItemEntry>;
  /**
   * The entries' numbers in a null-prototype object, for the lookup of every order line: the
   * line's item id is a string the host made, and a property lookup internalises it once and
   * then finds it by identity, where a `Map` compares its characters on every lookup. The value
   * is a small integer held in the dictionary itself: no entry object is read to find the item's
   * row of numbers in the compact index.
   */
  readonly itemsById: Readonly<Record<string, number | undefined>>;
  /** The entries by number (`no`). */
  readonly itemList: readonly ItemEntry[];
  /** The canonical object of each currency and unit string of the index. */
  readonly codes: ReadonlyMap<string, string>;
  /** The canonical object of each customer group id of the index. */
  readonly groupIds: ReadonlyMap<string, string>;
  /** The agreements in flat numeric arrays, for searches without trace. */
  readonly fast: FastIndex;
  /** The object index, built on the first call and kept. */
  readonly objects: () => ObjectIndex;
};

export type { Bucket, BucketIndex, BucketPart, Columns, ItemBuckets, ItemEntry, ObjectIndex } from './indexTypes.js';

export const RELATION_INDEX: Readonly<Record<Relation, number>> = { price: 0, lineDiscount: 1, multilineDiscount: 2, totalDiscount: 3 };

/** Below this many records a bucket is scanned; above, it gets an interval index. */
const SMALL_BUCKET = 8;

export function compareQty(a: Scaled, b: Scaled): number {
  if (a.scale === b.scale) return a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
  const x = a.scale > b.scale ? a.units : a.units * pow10(b.scale - a.scale);
  const y = b.scale > a.scale ? b.units : b.units * pow10(a.scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

const compareDay = (a: number, b: number): number => a - b;

/** Largest integer a double holds exactly, as a bigint. */
const EXACT_LIMIT = 2n ** 53n;

type MutableColumns = { byItem: Map<string, Bucket> | undefined; byItemGroup: Map<string, Bucket> | undefined; allItems: Bucket | undefined };
type MutableItem = { -readonly [K in keyof ItemEntry]: ItemEntry[K] } & { basePrices: BasePrice[] | undefined };
type MutableItemBuckets = { -readonly [K in keyof ItemBuckets]: ItemBuckets[K] } & { groupPrice: (string | Bucket)[] | undefined; groupLineDiscount: (string | Bucket)[] | undefined };
type MutableBucket = { -readonly [K in keyof Bucket]: Bucket[K] } & { records: TradeAgreement[] };

const newColumns = (): MutableColumns => ({ byItem: undefined, byItemGroup: undefined, allItems: undefined });

/** The string `text` as the pool's canonical object, added when new. */
function canonical(pool: Map<string, string>, text: string): string {
  const known = pool.get(text);
  if (known !== undefined) return known;
  pool.set(text, text);
  return text;
}

/**
 * Builds the index. `agreements` must be valid records with unique ids; item attributes and
 * base prices later in their lists replace earlier ones of the same key. The object index is
 * built here for the compact index and dropped; {@link PriceIndex.objects} builds it again,
 * from the same records as `later` gives them (the book's, built again from its columns), when
 * a search first needs it.
 */
export function buildPriceIndex(
  agreements: readonly TradeAgreement[],
  basePrices: readonly BasePrice[],
  items: readonly ItemAttributes[],
  later: () => readonly TradeAgreement[],
): PriceIndex {
  const codes = new Map<string, string>();
  const groupIds = new Map<string, string>();
  const itemMap = new Map<string, MutableItem>();
  const itemOf = (id: string): MutableItem => {
    let e = itemMap.get(id);
    if (e === undefined) {
      e = {
        itemId: id,
        no: itemMap.size,
        attributes: undefined,
        lineDiscountGroup: undefined,
        multilineDiscountGroup: undefined,
        totalDiscountEligible: true,
        blocked: false,
        basePrice: undefined,
        basePrices: undefined,
      };
      itemMap.set(id, e);
    }
    return e;
  };
  // Every key string of the records in its pool, so that the object index, built now or later,
  // only reads the pools.
  for (const a of agreements) {
    if (a.itemCode === 'table') itemOf(a.itemRelation);
    if (a.accountCode === 'group') canonical(groupIds, a.accountRelation);
    canonical(codes, a.currency);
    canonical(codes, a.unit);
  }
  for (const bp of basePrices) {
    const e = itemOf(bp.itemId);
    canonical(codes, bp.currency);
    canonical(codes, bp.unit);
    const list = (e.basePrices ??= []);
    const at = list.findIndex((x) => x.currency === bp.currency && x.unit === bp.unit);
    if (at >= 0) list[at] = bp;
    else list.push(bp);
  }
  for (const e of itemMap.values()) {
    e.basePrices = e.basePrices?.slice().sort((x, y) => byText(x.currency, y.currency) || byText(x.unit, y.unit));
    e.basePrice = e.basePrices?.[0];
  }
  for (const item of items) {
    const e = itemOf(item.itemId);
    e.attributes = item;
    e.lineDiscountGroup = item.lineDiscountGroup;
    e.multilineDiscountGroup = item.multilineDiscountGroup;
    e.totalDiscountEligible = item.totalDiscountEligible;
    e.blocked = item.blocked === true;
  }
  // Items numbered by group: the compact index keeps item rows and item-keyed buckets in item
  // order, so that the lines of an order that share a group (as multiline discounts expect
  // them to) read one span of each instead of a cache line and a page per line.
  const groupOf = (e: MutableItem): string => e.lineDiscountGroup ?? e.multilineDiscountGroup ?? '';
  const itemList = [...itemMap.values()].sort((x, y) => byText(groupOf(x), groupOf(y)) || x.no - y.no);
  itemList.forEach((e, k) => {
    e.no = k;
  });
  const itemsById = Object.create(null) as Record<string, number | undefined>;
  for (const [id, e] of itemMap) itemsById[id] = e.no;
  const fast = buildFastIndex(buildObjectIndex(agreements, itemMap, codes, groupIds), itemMap, itemList);
  let objects: ObjectIndex | undefined;
  return {
    items: itemMap,
    itemsById,
    itemList,
    codes,
    groupIds,
    fast,
    objects: () => (objects ??= buildObjectIndex(later(), itemMap, codes, groupIds)),
  };
}

/** The pool's canonical object of `text` (the string itself when the pool has none). */
export function known(pool: ReadonlyMap<string, string>, text: string): string {
  return pool.get(text) ?? text;
}

/** Puts every agreement in its bucket. The pools and item entries hold every key of the records. */
function buildObjectIndex(
  agreements: readonly TradeAgreement[],
  itemMap: ReadonlyMap<string, ItemEntry>,
  codes: ReadonlyMap<string, string>,
  groupIds: ReadonlyMap<string, string>,
): ObjectIndex {
  const customers = new Map<string, MutableColumns[]>();
  const groups: Map<string, MutableColumns>[] = [0, 1, 2, 3].map(() => new Map<string, MutableColumns>());
  const all: MutableColumns[] = [newColumns(), newColumns(), newColumns(), newColumns()];
  const itemSide = new Map<string, MutableItemBuckets>();
  const sideOf = (id: string): MutableItemBuckets => {
    let e = itemSide.get(id);
    if (e === undefined) itemSide.set(id, (e = { allPrice: undefined, allLineDiscount: undefined, groupPrice: undefined, groupLineDiscount: undefined }));
    return e;
  };
  const attach: ((b: Bucket) => void)[] = [];
  // First pass: group records by key, each key's buckets in a plain list.
  const lists = new Map<object, Map<string, MutableBucket[]>>();
  const allLists: MutableBucket[][] = [];
  const listOf = (owner: object, key: string, attachTo: (b: Bucket) => void): MutableBucket[] => {
    let byKey = lists.get(owner);
    if (byKey === undefined) lists.set(owner, (byKey = new Map<string, MutableBucket[]>()));
    let list = byKey.get(key);
    if (list === undefined) {
      byKey.set(key, (list = []));
      allLists.push(list);
      attach.push(attachTo);
    }
    return list;
  };
  for (const a of agreements) {
    const ri = RELATION_INDEX[a.relation];
    let list: MutableBucket[];
    if (a.accountCode !== 'table' && a.itemCode === 'table' && ri <= 1) {
      // Item side first: all customers or a customer group on one item (price and line discount).
      const e = sideOf((itemMap.get(a.itemRelation) as ItemEntry).itemId);
      if (a.accountCode === 'all') list = listOf(e, `${ri}`, (b) => (ri === 0 ? (e.allPrice = b) : (e.allLineDiscount = b)));
      else {
        const g = known(groupIds, a.accountRelation);
        list = listOf(e, `${ri}/${g}`, (b) => (ri === 0 ? (e.groupPrice ??= []) : (e.groupLineDiscount ??= [])).push(g, b));
      }
    } else {
      let cols: MutableColumns;
      if (a.accountCode === 'table') {
        let byRelation = customers.get(a.accountRelation);
        if (byRelation === undefined) customers.set(a.accountRelation, (byRelation = []));
        cols = byRelation[ri] ?? (byRelation[ri] = newColumns());
      } else if (a.accountCode === 'group') {
        const g = groups[ri] as Map<string, MutableColumns>;
        const key = known(groupIds, a.accountRelation);
        const found = g.get(key);
        if (found === undefined) g.set(key, (cols = newColumns()));
        else cols = found;
      } else cols = all[ri] as MutableColumns;
      const c = cols;
      if (a.itemCode === 'table') {
        const key = (itemMap.get(a.itemRelation) as ItemEntry).itemId;
        list = listOf(c, `t${key}`, (b) => (c.byItem ??= new Map()).set(key, b));
      } else if (a.itemCode === 'group') {
        const key = a.itemRelation;
        list = listOf(c, `g${key}`, (b) => (c.byItemGroup ??= new Map()).set(key, b));
      } else list = listOf(c, 'a', (b) => (c.allItems = b));
    }
    let bucket = list.find((b) => b.currency === a.currency && b.unit === a.unit);
    if (bucket === undefined) {
      bucket = { currency: known(codes, a.currency), unit: known(codes, a.unit), records: [], keys: [], scale: -1, index: undefined, next: undefined };
      list.push(bucket);
    }
    bucket.records.push(a);
  }
  for (let k = 0; k < allLists.length; k++) {
    const list = allLists[k] as MutableBucket[];
    list.sort((x, y) => byText(x.currency, y.currency) || byText(x.unit, y.unit));
    for (let j = 0; j < list.length; j++) {
      const b = list[j] as MutableBucket;
      finishBucket(b);
      b.next = list[j + 1];
    }
    (attach[k] as (b: Bucket) => void)(list[0] as Bucket);
  }
  for (const e of itemSide.values()) {
    e.groupPrice = e.groupPrice?.slice();
    e.groupLineDiscount = e.groupLineDiscount?.slice();
  }
  return { customers, groups, all, items: itemSide };
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records of one key in a fixed order: lower band first, then id, so results never depend on input order. */
export function compareRecords(a: TradeAgreement, b: TradeAgreement): number {
  const q = compareQty(a.fromQty, b.fromQty);
  if (q !== 0) return q;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function finishBucket(b: MutableBucket): void {
  // A copy of exact length: an array grown by push keeps room for 17 elements, and a million
  // one-record buckets would carry a quarter of a gigabyte of it.
  const rs = b.records.slice();
  b.records = rs;
  if (rs.length > 1) rs.sort(compareRecords);
  let scale = 0;
  for (const r of rs) scale = Math.max(scale, r.fromQty.scale, r.toQty.scale);
  const asInteger = (q: Scaled): number | undefined => {
    const units = q.units * pow10(scale - q.scale);
    return units < EXACT_LIMIT ? Number(units) : undefined;
  };
  const keys: number[] = [];
  let exact = true;
  for (const r of rs) {
    const from = asInteger(r.fromQty);
    const to = r.toQty.units === 0n ? Number.POSITIVE_INFINITY : asInteger(r.toQty);
    if (from === undefined || to === undefined) exact = false;
    keys.push(r.fromDate === undefined ? OPEN_FROM : dateKey(r.fromDate), r.toDate === undefined ? OPEN_TO : dateKey(r.toDate), from ?? 0, to ?? 0);
  }
  b.keys = keys.slice();
  b.scale = exact ? scale : -1;
  if (rs.length > SMALL_BUCKET) b.index = indexBucket(rs, keys);
}

function indexBucket(rs: readonly TradeAgreement[], keys: readonly number[]): BucketIndex {
  const ids = rs.map((_, i) => i);
  const dated = rs.some((r) => r.fromDate !== undefined || r.toDate !== undefined);
  // Validity [from, to] inclusive is the half-open day interval [from, to + 1): day numbers are
  // integers, and no valid date lies strictly between to and to + 1.
  const byDay = dated
    ? buildSegments(ids, (i) => keys[4 * i] as number, (i) => (keys[4 * i + 1] === OPEN_TO ? undefined : (keys[4 * i + 1] as number) + 1), compareDay, 4 * ids.length + 16)
    : undefined;
  const parts = (byDay === undefined ? [ids] : byDay.members).map((part): BucketPart => {
    const byQty =
      part.length > SMALL_BUCKET
        ? buildSegments(part, (i) => (rs[i] as TradeAgreement).fromQty, (i) => ((rs[i] as TradeAgreement).toQty.units === 0n ? undefined : (rs[i] as TradeAgreement).toQty), compareQty, 4 * part.length + 16)
        : undefined;
    return { ids: byDay === undefined ? undefined : part, byQty };
  });
  return { byDay, parts };
}

/** Every bucket of the index, for whole-book analyses. */
export function* allBuckets(index: PriceIndex): Generator<Bucket> {
  const chain = function* (b: Bucket | undefined): Generator<Bucket> {
    for (let x = b; x !== undefined; x = x.next) yield x;
  };
  const columns = function* (c: Columns | undefined): Generator<Bucket> {
    if (c === undefined) return;
    if (c.byItem !== undefined) for (const b of c.byItem.values()) yield* chain(b);
    if (c.byItemGroup !== undefined) for (const b of c.byItemGroup.values()) yield* chain(b);
    yield* chain(c.allItems);
  };
  const objects = index.objects();
  for (const byRelation of objects.customers.values()) for (const c of byRelation) yield* columns(c);
  for (const g of objects.groups) for (const c of g.values()) yield* columns(c);
  for (const c of objects.all) yield* columns(c);
  for (const e of objects.items.values()) {
    yield* chain(e.allPrice);
    yield* chain(e.allLineDiscount);
    for (const list of [e.groupPrice, e.groupLineDiscount]) if (list !== undefined) for (let k = 1; k < list.length; k += 2) yield* chain(list[k] as Bucket);
  }
}

/** The index's canonical object of a currency or unit string (the string itself when the index has none). */
export function codeOf(index: PriceIndex, text: string): string {
  return known(index.codes, text);
}

/** The customer group `group`'s bucket in an item's interleaved group list. */
export function groupBucket(list: readonly (string | Bucket)[] | undefined, group: string | undefined): Bucket | undefined {
  if (list === undefined || group === undefined) return undefined;
  for (let k = 0; k < list.length; k += 2) if (list[k] === group) return list[k + 1] as Bucket;
  return undefined;
}

/** The first bucket of one relation index, account and item key, or undefined. */
export function bucketOf(index: PriceIndex, ri: number, accountCode: RelationCode, accountKey: string, itemCode: RelationCode, itemKey: string): Bucket | undefined {
  const objects = index.objects();
  if (accountCode !== 'table' && itemCode === 'table' && ri <= 1) {
    const e = objects.items.get(itemKey);
    if (accountCode === 'all') return ri === 0 ? e?.allPrice : e?.allLineDiscount;
    return groupBucket(ri === 0 ? e?.groupPrice : e?.groupLineDiscount, accountKey);
  }
  const cols = accountCode === 'table' ? objects.customers.get(accountKey)?.[ri] : accountCode === 'group' ? objects.groups[ri]?.get(accountKey) : objects.all[ri];
  if (cols === undefined) return undefined;
  return itemCode === 'table' ? cols.byItem?.get(itemKey) : itemCode === 'group' ? cols.byItemGroup?.get(itemKey) : cols.allItems;
}

/** The records of a bucket chain in one currency and unit. */
export function recordsIn(first: Bucket | undefined, currency: string, unit: string): readonly TradeAgreement[] {
  for (let b = first; b !== undefined; b = b.next) if (b.currency === currency && b.unit === unit) return b.records;
  return [];
}
