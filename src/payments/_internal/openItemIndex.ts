import type { OpenItem } from '../OpenItem.js';
import { forEachReferenceKey } from '../references.js';

/**
 * The open items of a statement run, indexed once by position in id order: by normalised
 * reference key and by customer. Postings of the run go to an overlay by position, so the
 * index never changes, nothing is copied per item and no lookup hashes a string.
 */
export type OpenItemIndex = {
  /** The items in id order, as given (opening residuals). */
  readonly items: readonly OpenItem[];
  /** Positions of the items a reference key names; one bare, several as an array (most keys name one). */
  readonly byReference: ReadonlyMap<string, number | readonly number[]>;
  /** Positions of each customer's items, all currencies, in id order. */
  readonly byCustomer: ReadonlyMap<string, readonly number[]>;
  /** Positions by currency and opening residual, built on first use (only payments without a customer need it). */
  byOpeningAmount(currency: string, minor: bigint): readonly number[];
};

const byId = (a: OpenItem, b: OpenItem): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Builds the {@link OpenItemIndex}: one pass over the items, no copies of them.
 * @example
 * indexOpenItems(items).byReference.get('INV202300123')
 */
export function indexOpenItems(input: readonly OpenItem[]): OpenItemIndex {
  // Id order, so that nothing depends on the input order (already-sorted input costs one pass).
  const items = [...input].sort(byId);
  const byReference = new Map<string, number | number[]>();
  const byCustomer = new Map<string, number[]>();
  let pos = 0;
  const add = (key: string): void => {
    const seen = byReference.get(key);
    if (seen === undefined) byReference.set(key, pos);
    else if (typeof seen === 'number') {
      if (seen !== pos) byReference.set(key, [seen, pos]);
    } else if (seen[seen.length - 1] !== pos) seen.push(pos);
  };
  for (; pos < items.length; pos++) {
    const item = items[pos] as OpenItem;
    forEachReferenceKey(item.documentNumber, add);
    for (const r of item.references) forEachReferenceKey(r, add);
    const list = byCustomer.get(item.customerId);
    if (list === undefined) byCustomer.set(item.customerId, [pos]);
    else list.push(pos);
  }
  let byAmount: Map<number | string, number[]> | undefined;
  // Safe-integer amounts key the map as numbers (hashed as they are); larger ones as text.
  const amountKey = (minor: bigint): number | string => (minor <= 9_007_199_254_740_991n && minor >= -9_007_199_254_740_991n ? Number(minor) : String(minor));
  return {
    items,
    byReference,
    byCustomer,
    byOpeningAmount(currency: string, minor: bigint): readonly number[] {
      if (byAmount === undefined) {
        const map = new Map<number | string, number[]>();
        for (let i = 0; i < items.length; i++) {
          const key = amountKey((items[i] as OpenItem).residual.minor);
          const list = map.get(key);
          if (list === undefined) map.set(key, [i]);
          else list.push(i);
        }
        byAmount = map;
      }
      return (byAmount.get(amountKey(minor)) ?? []).filter((i) => (items[i] as OpenItem).currency === currency);
    },
  };
}
