import type { CalendarDate } from '../calendar/CalendarDate.js';
import type { Money } from '../money/Money.js';
import type { PricedLine } from '../pricing/priceOrder.js';

/**
 * The price of a quotation or order line as the pricing module resolved it, kept as a
 * snapshot: once an order is confirmed it changes only through an explicit reprice.
 * `lineAmount` is before and `netAmount` after the line's share of the total discount;
 * `quantity` and `unit` are those the line was priced in (a unit conversion may differ from
 * the ordered unit).
 * @example
 * const p: LinePrice = quotation.lines[0].price;
 * p.netAmount.toString() //=> 'EUR 15.30'
 */
export type LinePrice = Pick<
  PricedLine,
  | 'quantity'
  | 'unit'
  | 'unitPrice'
  | 'priceUnit'
  | 'priceSource'
  | 'priceCharges'
  | 'discountAmount'
  | 'discountPercents'
  | 'lineAmount'
  | 'totalDiscountShare'
  | 'netAmount'
  | 'trace'
> & { readonly pricedAsOf: CalendarDate };

/**
 * Totals of a quotation or order: each is the exact sum of the same field over the lines.
 * @example
 * order.totals.total //=> Σ line netAmount
 */
export type DocumentTotals = {
  /** Σ line amounts before the total discount. */
  readonly subtotal: Money;
  /** Σ total-discount shares of the lines. */
  readonly totalDiscount: Money;
  /** Σ line net amounts = subtotal − totalDiscount. */
  readonly total: Money;
};
