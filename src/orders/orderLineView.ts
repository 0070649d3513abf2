import type { Money } from '../money/Money.js';
import { sameCurrencyMoney } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import { sub } from './_internal/quantities.js';
import type { SalesOrder } from './SalesOrder.js';

/**
 * Where one order line stands. `remaining` = ordered − cancelled − delivered (what is still to
 * deliver); `invoicedAmount` and `refundedAmount` add up the invoices and returns of the line.
 * @example
 * const v: OrderLineView = orderLineView(order)[0];
 */
export type OrderLineView = {
  readonly lineId: string;
  readonly itemId: string;
  readonly unit: string;
  readonly ordered: Scaled;
  readonly delivered: Scaled;
  readonly invoiced: Scaled;
  readonly returned: Scaled;
  readonly cancelled: Scaled;
  readonly remaining: Scaled;
  readonly netAmount: Money;
  readonly invoicedAmount: Money;
  readonly refundedAmount: Money;
};

/**
 * The per-line view of an order: ordered, delivered, invoiced, returned, cancelled, remaining.
 * @example
 * orderLineView(order).map((l) => `${l.lineId}: ${l.delivered}/${l.ordered}`) //=> ['1: 4/10']
 */
export function orderLineView(order: SalesOrder): OrderLineView[] {
  return order.lines.map((l) => {
    let invoiced = 0n;
    let refunded = 0n;
    for (const p of l.invoices) {
      invoiced += p.amount.minor;
      refunded += p.refunded.minor;
    }
    return {
      lineId: l.lineId,
      itemId: l.itemId,
      unit: l.unit,
      ordered: l.quantity,
      delivered: l.delivered,
      invoiced: l.invoiced,
      returned: l.returned,
      cancelled: l.cancelled,
      remaining: sub(sub(l.quantity, l.cancelled), l.delivered),
      netAmount: l.price.netAmount,
      invoicedAmount: sameCurrencyMoney(invoiced, order.currency),
      refundedAmount: sameCurrencyMoney(refunded, order.currency),
    };
  });
}
