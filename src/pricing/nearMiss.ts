import type { CalendarDate } from '../calendar/CalendarDate.js';
import { compareScaled } from '../money/compareScaled.js';
import { formatScaled } from '../money/formatScaled.js';
import type { Money } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import { subtractScaled } from '../money/subtractScaled.js';
import { bucketOf, RELATION_INDEX, recordsIn } from './_internal/priceIndex.js';
import { inDates } from './_internal/search.js';
import type { PriceBook } from './compilePriceBook.js';
import { type PricedLine, type PriceOrderOptions, priceLine } from './priceOrder.js';
import type { CustomerContext } from './schemas.js';

/** A hint for a priced line: how much more quantity reaches the next price or line-discount band, and the result there. */
export type NearMiss =
  | { readonly kind: 'nextBand'; readonly recordId: string; readonly addQuantity: Scaled; readonly atQuantity: Scaled; readonly unitPrice: Scaled; readonly lineAmount: Money }
  | { readonly kind: 'none' };

/**
 * Finds the nearest band above a priced line's quantity among the price and line-discount
 * records under the line's own keys (customer, price/discount group, all; item, item group,
 * all) and prices the line at that band's start.
 * @param line a line priced by `priceOrder` or `priceLine`.
 * @example
 * nearMiss(book, { customerId: 'C1' }, 'EUR', line, options) //=> { kind: 'nextBand', addQuantity: 1, ... }
 */
export function nearMiss(book: PriceBook, customer: CustomerContext, currency: string, line: PricedLine, options: PriceOrderOptions): NearMiss {
  const group = book.items.get(line.itemId)?.lineDiscountGroup;
  const accounts = [
    ['table', customer.customerId],
    ['group', customer.priceGroup],
    ['group', customer.lineDiscountGroup],
    ['all', ''],
  ] as const;
  const items = [
    ['table', line.itemId],
    ['group', group],
    ['all', ''],
  ] as const;
  let best: { id: string; from: Scaled } | undefined;
  for (const relation of ['price', 'lineDiscount'] as const) {
    for (const [ac, ar] of accounts) {
      for (const [ic, ir] of items) {
        if (ar === undefined || ir === undefined) continue;
        for (const r of recordsIn(bucketOf(book.index, RELATION_INDEX[relation], ac, ar, ic, ir), currency, line.unit)) {
          if (!inDates(r, options.asOf as CalendarDate) || compareScaled(r.fromQty, line.quantity) <= 0) continue;
          if (best === undefined || compareScaled(r.fromQty, best.from) < 0 || (compareScaled(r.fromQty, best.from) === 0 && r.id < best.id)) best = { id: r.id, from: r.fromQty };
        }
      }
    }
  }
  if (best === undefined) return { kind: 'none' };
  const there = priceLine(book, customer, currency, { itemId: line.itemId, quantity: formatScaled(best.from), unit: line.unit }, options);
  if (there.kind !== 'priced') return { kind: 'none' };
  return { kind: 'nextBand', recordId: best.id, addQuantity: subtractScaled(best.from, line.quantity), atQuantity: best.from, unitPrice: there.unitPrice, lineAmount: there.lineAmount };
}
