import { parseInput } from '../errors/parseInput.js';
import { requireMinorUnit } from '../money/currencies.js';
import { type Money, sameCurrencyMoney } from '../money/Money.js';
import { pow10, type Scaled, scaledOf } from '../money/Scaled.js';
import { OptionsSchema } from './_internal/orderSchemas.js';
import { findDiscount, inDates, searchContext } from './_internal/search.js';
import type { PriceBook } from './compilePriceBook.js';
import type { PricedOrder, PriceOrderOptions } from './priceOrder.js';
import { type CustomerContext, CustomerContextSchema } from './schemas.js';

/** A hint for a priced order: how much more eligible amount reaches the next total-discount band, and the discount there. */
export type TotalDiscountNearMiss =
  | {
      readonly kind: 'nextBand';
      readonly recordId: string;
      /** What the eligible lines must add, in the order currency. */
      readonly addAmount: Money;
      /** The smallest eligible total in the band (its start, rounded up to the minor unit). */
      readonly atAmount: Money;
      readonly percent1: Scaled;
      readonly percent2: Scaled;
      /** The records the total-discount search would use at `atAmount`. */
      readonly recordIds: readonly string[];
    }
  | { readonly kind: 'none' };

const CELLS_OF_TOTAL = [2, 5, 8] as const;

/**
 * Finds the nearest total-discount amount band above an order's eligible total (records of the
 * customer, its total-discount group and all customers in the activated cells, valid as of the
 * date, in the order currency) and runs the total-discount search at that band's start.
 * @param order an order priced by `priceOrder` for `customer` with the same `options`.
 * @returns `{ kind: 'none' }` when no band starts above the eligible total.
 * @throws {@link OrderToCashError} `invalid_input` for bad `customer` or `options`.
 * @example
 * totalDiscountNearMiss(book, { customerId: 'C1' }, order, options)
 * //=> { kind: 'nextBand', recordId: 'td2', addAmount: EUR 120.00, atAmount: EUR 1000.00, percent1: 3, ... }
 */
export function totalDiscountNearMiss(book: PriceBook, customer: CustomerContext, order: PricedOrder, options: PriceOrderOptions): TotalDiscountNearMiss {
  const c = parseInput(CustomerContextSchema, customer, ['customer']);
  const opts = parseInput(OptionsSchema, options, ['options']);
  const currency = order.currency;
  const minorUnit = requireMinorUnit(currency, ['order', 'currency']);
  const eligible = order.totalDiscount.eligibleTotal.minor;
  const keys: readonly (string | undefined)[] = [c.customerId, c.totalDiscountGroup, ''];
  const codes = ['table', 'group', 'all'] as const;
  let best: { id: string; atMinor: bigint } | undefined;
  const objects = book.index.objects();
  for (const i of CELLS_OF_TOTAL) {
    if (book.activation.totalDiscount[i] !== true) continue;
    const a = (i / 3) | 0;
    const key = keys[a];
    if (key === undefined) continue;
    const cols = codes[a] === 'table' ? objects.customers.get(key)?.[3] : codes[a] === 'group' ? objects.groups[3]?.get(key) : objects.all[3];
    for (let b = cols?.allItems; b !== undefined; b = b.next) {
      if (b.currency !== currency) continue;
      for (const r of b.records) {
        if (!inDates(r, opts.asOf)) continue;
        // The smallest total in minor units that reaches the band: its start rounded up.
        const den = pow10(r.fromQty.scale);
        const scaledUp = r.fromQty.units * pow10(minorUnit);
        const atMinor = scaledUp / den + (scaledUp % den === 0n ? 0n : 1n);
        if (atMinor <= eligible) continue;
        if (best === undefined || atMinor < best.atMinor || (atMinor === best.atMinor && r.id < best.id)) best = { id: r.id, atMinor };
      }
    }
  }
  if (best === undefined) return { kind: 'none' };
  const ctx = searchContext(book, c, currency, undefined, opts.asOf);
  const there = findDiscount(ctx, 'totalDiscount', { itemId: '', itemGroup: '' }, '', scaledOf(best.atMinor, minorUnit), undefined);
  return {
    kind: 'nextBand',
    recordId: best.id,
    addAmount: sameCurrencyMoney(best.atMinor - eligible, currency),
    atAmount: sameCurrencyMoney(best.atMinor, currency),
    percent1: there.percent1,
    percent2: there.percent2,
    recordIds: there.recordIds,
  };
}
