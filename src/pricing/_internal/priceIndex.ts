import { pow10, type Scaled } from '../../money/Scaled.js';
import type { BasePrice, ItemAttributes, Relation, TradeAgreement } from '../schemas.js';
import { buildSegments, type Segments } from './segments.js';

// The search index of a price book. A lookup resolves the item side first (one map access for
// the item, one for its group), then the account side in the small maps hanging off that item
// or group node, so its cost does not grow with the number of records: the large maps are keyed
// by the host's own id strings (whose hashes V8 caches) and no key is built per lookup.

/** Records of one relation, cell, account key, item key, currency and unit, in record order (fromQty, id). */
export type Bucket = {
  readonly currency: string;
  readonly unit: string;
  readonly records: readonly TradeAgreement[];
  /** Validity as day numbers (YYYYMMDD), `[from0, to0, from1, to1, …]`; undefined when no record is dated. */
  readonly days: readonly number[] | undefined;
  /** Interval index of a large bucket (dates, then bands); undefined for small ones, scanned whole. */
  readonly index: BucketIndex | undefined;
};

/** A day segmentation whose parts may be cut again by quantity band. */
export type BucketIndex = { readonly byDay: Segments<number> | undefined; readonly parts: readonly BucketPart[] };
/** The records of one day segment (`ids` undefined = all) and, when still large, their band segments. */
export type BucketPart = { readonly ids: readonly number[] | undefined; readonly byQty: Segments<Scaled> | undefined };

/** The buckets of one key, sorted by currency then unit; usually one. */
export type Leaf = readonly Bucket[];

/** The account side under one item key: customers, customer groups, all customers. */
export type AccountNode = {
  readonly byCustomer: ReadonlyMap<string, Leaf> | undefined;
  readonly byGroup: ReadonlyMap<string, Leaf> | undefined;
  readonly all: Leaf | undefined;
};

/** What one item id brings: its attributes, base prices and item-specific agreements per relation. */
export type ItemEntry = {
  readonly attributes: ItemAttributes | undefined;
  /** Sorted by currency then unit. */
  readonly basePrices: readonly BasePrice[] | undefined;
  /** By relation index (see {@link RELATION_INDEX}). */
  readonly nodes: readonly (AccountNode | undefined)[];
};

/** The compiled search structure of a price book (internal layout). */
export type PriceIndex = {
  readonly items: ReadonlyMap<string, ItemEntry>;
  /** Item-group agreements, by relation index, then group id. */
  readonly groups: readonly ReadonlyMap<string, AccountNode>[];
  /** All-items agreements, by relation index. */
  readonly all: readonly (AccountNode | undefined)[];
};

export const RELATION_INDEX: Readonly<Record<Relation, number>> = { price: 0, lineDiscount: 1, multilineDiscount: 2, totalDiscount: 3 };

/** Below this many records a bucket is scanned; above, it gets an interval index. */
const SMALL_BUCKET = 8;

/** YYYYMMDD as a number: CalendarDate strings are fixed width, so this keeps date order. */
export function dayNumber(date: string): number {
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    n = n * 10 + (date.charCodeAt(i) - 48);
  }
  return n;
}

const OPEN_FROM = 0;
const OPEN_TO = 99_999_999;

export function compareQty(a: Scaled, b: Scaled): number {
  if (a.scale === b.scale) return a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
  const x = a.scale > b.scale ? a.units : a.units * pow10(b.scale - a.scale);
  const y = b.scale > a.scale ? b.units : b.units * pow10(a.scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

const compareDay = (a: number, b: number): number => a - b;

type MutableNode = { byCustomer: Map<string, Bucket[]> | undefined; byGroup: Map<string, Bucket[]> | undefined; all: Bucket[] | undefined };
type MutableItem = { attributes: ItemAttributes | undefined; basePrices: BasePrice[] | undefined; nodes: (MutableNode | undefined)[] };
type MutableBucket = { currency: string; unit: string; records: TradeAgreement[]; days: number[] | undefined; index: BucketIndex | undefined };

function newNode(): MutableNode {
  return { byCustomer: undefined, byGroup: undefined, all: undefined };
}

function newItem(): MutableItem {
  return { attributes: undefined, basePrices: undefined, nodes: [] };
}

/**
 * Builds the index. `agreements` must be valid records with unique ids; item attributes and
 * base prices later in their lists replace earlier ones of the same key.
 */
export function buildPriceIndex(
  agreements: readonly TradeAgreement[],
  basePrices: readonly BasePrice[],
  items: readonly ItemAttributes[],
): PriceIndex {
  const itemMap = new Map<string, MutableItem>();
  const itemOf = (id: string): MutableItem => {
    let e = itemMap.get(id);
    if (e === undefined) itemMap.set(id, (e = newItem()));
    return e;
  };
  const groups: Map<string, MutableNode>[] = [new Map(), new Map(), new Map(), new Map()];
  const all: (MutableNode | undefined)[] = [undefined, undefined, undefined, undefined];
  const buckets: MutableBucket[] = [];
  for (const a of agreements) {
    const ri = RELATION_INDEX[a.relation];
    let node: MutableNode;
    if (a.itemCode === 'table') {
      const e = itemOf(a.itemRelation);
      node = e.nodes[ri] ?? (e.nodes[ri] = newNode());
    } else if (a.itemCode === 'group') {
      const g = groups[ri] as Map<string, MutableNode>;
      const found = g.get(a.itemRelation);
      if (found === undefined) g.set(a.itemRelation, (node = newNode()));
      else node = found;
    } else {
      node = all[ri] ?? (all[ri] = newNode());
    }
    let leaf: Bucket[];
    if (a.accountCode === 'all') leaf = node.all ?? (node.all = []);
    else {
      const map = a.accountCode === 'table' ? (node.byCustomer ??= new Map()) : (node.byGroup ??= new Map());
      leaf = map.get(a.accountRelation) ?? [];
      if (leaf.length === 0) map.set(a.accountRelation, leaf);
    }
    let bucket = leaf.find((b) => b.currency === a.currency && b.unit === a.unit) as MutableBucket | undefined;
    if (bucket === undefined) {
      bucket = { currency: a.currency, unit: a.unit, records: [], days: undefined, index: undefined };
      leaf.push(bucket);
      buckets.push(bucket);
    }
    bucket.records.push(a);
  }
  for (const b of buckets) finishBucket(b);
  for (const e of itemMap.values()) for (const n of e.nodes) if (n !== undefined) sortLeaves(n);
  for (const g of groups) for (const n of g.values()) sortLeaves(n);
  for (const n of all) if (n !== undefined) sortLeaves(n);
  for (const bp of basePrices) {
    const e = itemOf(bp.itemId);
    const list = (e.basePrices ??= []);
    const at = list.findIndex((x) => x.currency === bp.currency && x.unit === bp.unit);
    if (at >= 0) list[at] = bp;
    else list.push(bp);
  }
  for (const e of itemMap.values()) e.basePrices?.sort((x, y) => byText(x.currency, y.currency) || byText(x.unit, y.unit));
  for (const item of items) itemOf(item.itemId).attributes = item;
  return { items: itemMap, groups, all };
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortLeaf(leaf: Bucket[]): void {
  if (leaf.length > 1) leaf.sort((x, y) => byText(x.currency, y.currency) || byText(x.unit, y.unit));
}

function sortLeaves(n: MutableNode): void {
  if (n.all !== undefined) sortLeaf(n.all);
  if (n.byCustomer !== undefined) for (const l of n.byCustomer.values()) sortLeaf(l);
  if (n.byGroup !== undefined) for (const l of n.byGroup.values()) sortLeaf(l);
}

/**
 * Records of one key in a fixed order: lower band first, then id, so results never depend on input order.
 */
export function compareRecords(a: TradeAgreement, b: TradeAgreement): number {
  const q = compareQty(a.fromQty, b.fromQty);
  if (q !== 0) return q;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function finishBucket(b: MutableBucket): void {
  const rs = b.records;
  if (rs.length > 1) rs.sort(compareRecords);
  if (rs.some((r) => r.fromDate !== undefined || r.toDate !== undefined)) {
    const days: number[] = [];
    for (const r of rs) days.push(r.fromDate === undefined ? OPEN_FROM : dayNumber(r.fromDate), r.toDate === undefined ? OPEN_TO : dayNumber(r.toDate));
    b.days = days;
  }
  if (rs.length > SMALL_BUCKET) b.index = indexBucket(rs, b.days);
}

function indexBucket(rs: readonly TradeAgreement[], days: readonly number[] | undefined): BucketIndex {
  const ids = rs.map((_, i) => i);
  // Validity [from, to] inclusive is the half-open day interval [from, to + 1): day numbers are
  // integers, and no valid date lies strictly between to and to + 1.
  const byDay =
    days === undefined
      ? undefined
      : buildSegments(ids, (i) => days[2 * i] as number, (i) => (days[2 * i + 1] === OPEN_TO ? undefined : (days[2 * i + 1] as number) + 1), compareDay, 4 * ids.length + 16);
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
  const fromNode = function* (n: AccountNode | undefined): Generator<Bucket> {
    if (n === undefined) return;
    if (n.all !== undefined) yield* n.all;
    if (n.byCustomer !== undefined) for (const l of n.byCustomer.values()) yield* l;
    if (n.byGroup !== undefined) for (const l of n.byGroup.values()) yield* l;
  };
  for (const e of index.items.values()) for (const n of e.nodes) yield* fromNode(n);
  for (const g of index.groups) for (const n of g.values()) yield* fromNode(n);
  for (const n of index.all) yield* fromNode(n);
}
