import type { Item, ItemRepository } from '../../orders/ports.js';
import { frozenCopy } from './_internal/frozenCopy.js';

/**
 * In-memory items; `put` adds or replaces one.
 * @example
 * const items = memoryItems([{ itemId: 'A', salesUnit: 'pcs' }]);
 */
export function memoryItems(initial: readonly Item[] = []): ItemRepository & { put(item: Item): void } {
  const rows = new Map<string, Item>();
  const put = (i: Item): void => {
    rows.set(i.itemId, frozenCopy(i));
  };
  initial.forEach(put);
  return { get: (id) => Promise.resolve(rows.get(id)), put };
}
