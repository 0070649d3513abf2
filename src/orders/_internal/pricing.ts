import type { CalendarDate } from '../../calendar/CalendarDate.js';
import type { Money } from '../../money/Money.js';
import { sameCurrencyMoney } from '../../money/Money.js';
import type { Scaled } from '../../money/Scaled.js';
import type { PriceBook } from '../../pricing/compilePriceBook.js';
import { type PriceOrderOptions, priceOrder } from '../../pricing/priceOrder.js';
import type { CustomerContext } from '../../pricing/schemas.js';
import type { DocumentTotals, LinePrice } from '../LinePrice.js';

/** A line to price: its id, item, quantity and unit. */
export type LineToPrice = { readonly lineId: string; readonly itemId: string; readonly quantity: Scaled; readonly unit: string };

/** Lines no agreement or base price could price. */
export type Unpriced = { readonly lineId: string; readonly itemId: string; readonly blocked?: true };

export type PricedLines =
  | { readonly kind: 'priced'; readonly prices: readonly LinePrice[]; readonly totals: DocumentTotals }
  | { readonly kind: 'noPrice'; readonly lines: readonly Unpriced[] };

/** Prices the lines as one order through the pricing module (total discount included). */
export function priceLines(
  book: PriceBook,
  customer: CustomerContext,
  currency: string,
  lines: readonly LineToPrice[],
  options: PriceOrderOptions,
  asOf: CalendarDate,
): PricedLines {
  const priced = priceOrder(
    book,
    { customer, currency, lines: lines.map((l) => ({ lineId: l.lineId, itemId: l.itemId, quantity: l.quantity, unit: l.unit })) },
    { ...options, asOf },
  );
  const missing: Unpriced[] = [];
  const prices: LinePrice[] = [];
  priced.lines.forEach((p, i) => {
    const line = lines[i] as LineToPrice;
    if (p.kind !== 'priced') {
      missing.push(p.kind === 'blocked' ? { lineId: line.lineId, itemId: line.itemId, blocked: true } : { lineId: line.lineId, itemId: line.itemId });
      return;
    }
    prices.push({
      pricedAsOf: asOf,
      quantity: p.quantity,
      unit: p.unit,
      unitPrice: p.unitPrice,
      priceUnit: p.priceUnit,
      priceSource: p.priceSource,
      priceCharges: p.priceCharges,
      discountAmount: p.discountAmount,
      discountPercents: p.discountPercents,
      lineAmount: p.lineAmount,
      totalDiscountShare: p.totalDiscountShare,
      netAmount: p.netAmount,
      trace: p.trace,
    });
  });
  if (missing.length > 0) return { kind: 'noPrice', lines: missing };
  return { kind: 'priced', prices, totals: totalsOf(currency, prices) };
}

/** Totals as the exact sums of the line amounts. */
export function totalsOf(currency: string, prices: readonly LinePrice[]): DocumentTotals {
  let subtotal = 0n;
  let discount = 0n;
  let total = 0n;
  for (const p of prices) {
    subtotal += p.lineAmount.minor;
    discount += p.totalDiscountShare.minor;
    total += p.netAmount.minor;
  }
  const m = (minor: bigint): Money => sameCurrencyMoney(minor, currency);
  return { subtotal: m(subtotal), totalDiscount: m(discount), total: m(total) };
}
