import type { Scaled } from '../../money/Scaled.js';
import type { BasePrice, ItemAttributes, TradeAgreement } from '../schemas.js';
import type { Segments } from './segments.js';

// The object index's parts, apart from the index itself so that the compact index, built from
// them and held by it, can name them without a cycle of modules.

/**
 * Records of one relation, cell, account key, item key, currency and unit, in record order
 * (fromQty, id). Buckets of one key are chained by `next`, sorted by currency then unit.
 */
export type Bucket = {
  readonly currency: string;
  readonly unit: string;
  readonly records: readonly TradeAgreement[];
  /**
   * Per record `[fromDay, toDay, from, to]`: validity as day numbers (YYYYMMDD, inclusive, open =
   * 0 / 99999999) and the band as integers at `scale` (to = Infinity when unbounded).
   */
  readonly keys: readonly number[];
  /** Decimals of the band integers in `keys`; −1 when a bound does not fit, and bands are compared exactly. */
  readonly scale: number;
  /** Interval index of a large bucket (dates, then bands); undefined for small ones, scanned whole. */
  readonly index: BucketIndex | undefined;
  readonly next: Bucket | undefined;
};

/** A day segmentation whose parts may be cut again by quantity band. */
export type BucketIndex = { readonly byDay: Segments<number> | undefined; readonly parts: readonly BucketPart[] };
/** The records of one day segment (`ids` undefined = all) and, when still large, their band segments. */
export type BucketPart = { readonly ids: readonly number[] | undefined; readonly byQty: Segments<Scaled> | undefined };

/** One account's agreements of one relation by item column: item id, item group, all items. */
export type Columns = {
  readonly byItem: ReadonlyMap<string, Bucket> | undefined;
  readonly byItemGroup: ReadonlyMap<string, Bucket> | undefined;
  readonly allItems: Bucket | undefined;
};

/**
 * What one item id brings: its attributes and base prices. Item ids, group ids, currencies and
 * units in the index are canonical strings (one object per value), so that comparing them is
 * mostly a pointer comparison.
 */
export type ItemEntry = {
  readonly itemId: string;
  /** The entry's number (its key in the compact index): 0, 1, … by line-discount group (else multiline group), then first appearance. */
  readonly no: number;
  readonly attributes: ItemAttributes | undefined;
  readonly lineDiscountGroup: string | undefined;
  readonly multilineDiscountGroup: string | undefined;
  readonly totalDiscountEligible: boolean;
  /** Stopped for sales: lines of the item are not priced. */
  readonly blocked: boolean;
  /** The first of `basePrices`. */
  readonly basePrice: BasePrice | undefined;
  /** Sorted by currency then unit. */
  readonly basePrices: readonly BasePrice[] | undefined;
};

/** The agreements of all customers and of customer groups on one item (item side first: the line's item finds them). */
export type ItemBuckets = {
  /** All customers × this item: prices, line discounts (the only relations D365 allows on one item). */
  readonly allPrice: Bucket | undefined;
  readonly allLineDiscount: Bucket | undefined;
  /** Customer group × this item, prices and line discounts: canonical group id, bucket, group id, bucket, … */
  readonly groupPrice: readonly (string | Bucket)[] | undefined;
  readonly groupLineDiscount: readonly (string | Bucket)[] | undefined;
};

/**
 * The object index: every agreement in a bucket of its relation, cell, account and item key,
 * currency and unit. Account side first for customers and customer groups (the order's
 * customer and groups are resolved once per order), item side first for the rest.
 */
export type ObjectIndex = {
  /** Customer id → columns by relation index. */
  readonly customers: ReadonlyMap<string, readonly (Columns | undefined)[]>;
  /** By relation index: customer group id → columns. */
  readonly groups: readonly ReadonlyMap<string, Columns>[];
  /** By relation index: the all-customers agreements on item groups and on all items (on one item: in `items`). */
  readonly all: readonly Columns[];
  /** Item id → the agreements of all customers and of customer groups on the item. */
  readonly items: ReadonlyMap<string, ItemBuckets>;
};
