import type { OpenItem } from '../OpenItem.js';
import { forEachReferenceKey } from '../references.js';

/**
 * The open items of a statement run, indexed once: by normalised reference key and by
 * customer, in id order. Postings of the run go to an overlay (`current`), so the index
 * itself never changes and nothing is copied per item.
 */
export type OpenItemIndex = {
  /** The items in id order, as given (opening residuals). */
  readonly items: readonly OpenItem[];
  /** Items named by a reference key; one item is stored bare, several as an array (most keys name one). */
  readonly byReference: ReadonlyMap<string, OpenItem | readonly OpenItem[]>;
  /** Items of each customer, all currencies, in id order. */
  readonly byCustomer: ReadonlyMap<string, readonly OpenItem[]>;
  /** The items in id order with the changed ones (by id) replaced: a copy patched by binary search. */
  withChanges(changed: ReadonlyMap<string, OpenItem>): readonly OpenItem[];
  /** Items by currency and opening residual, built on first use (only payments without a customer need it). */
  byOpeningAmount(currency: string, minor: bigint): readonly OpenItem[];
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
  const byReference = new Map<string, OpenItem | OpenItem[]>();
  const byCustomer = new Map<string, OpenItem[]>();
  const add = (key: string, item: OpenItem): void => {
    const seen = byReference.get(key);
    if (seen === undefined) byReference.set(key, item);
    else if (Array.isArray(seen)) {
      if (seen[seen.length - 1] !== item) seen.push(item);
    } else if (seen !== item) byReference.set(key, [seen, item]);
  };
  for (const item of items) {
    const addItem = (key: string): void => add(key, item);
    forEachReferenceKey(item.documentNumber, addItem);
    for (const r of item.references) forEachReferenceKey(r, addItem);
    const list = byCustomer.get(item.customerId);
    if (list === undefined) byCustomer.set(item.customerId, [item]);
    else list.push(item);
  }
  let byAmount: Map<string, OpenItem[]> | undefined;
  return {
    items,
    byReference,
    byCustomer,
    withChanges(changed: ReadonlyMap<string, OpenItem>): readonly OpenItem[] {
      const out = items.slice();
      for (const [id, item] of changed) {
        let lo = 0;
        let hi = items.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >>> 1;
          const at = (items[mid] as OpenItem).id;
          if (at === id) {
            // Equal ids (not expected) sit side by side: patch them all, as a lookup by id would.
            let first = mid;
            while (first > 0 && (items[first - 1] as OpenItem).id === id) first--;
            for (let k = first; k < items.length && (items[k] as OpenItem).id === id; k++) out[k] = item;
            break;
          }
          if (at < id) lo = mid + 1;
          else hi = mid - 1;
        }
      }
      return out;
    },
    byOpeningAmount(currency: string, minor: bigint): readonly OpenItem[] {
      if (byAmount === undefined) {
        byAmount = new Map();
        for (const item of items) {
          const k = `${item.currency}:${item.residual.minor}`;
          const list = byAmount.get(k);
          if (list === undefined) byAmount.set(k, [item]);
          else list.push(item);
        }
      }
      return byAmount.get(`${currency}:${minor}`) ?? [];
    },
  };
}
