import type { CalendarDate } from '../../calendar/CalendarDate.js';
import type { CustomerContext } from '../../pricing/schemas.js';
import type { DocumentTotals, LinePrice } from '../LinePrice.js';
import type { SalesOrder } from '../SalesOrder.js';
import { deepFreeze } from './freeze.js';
import type { InputLine } from './lines.js';
import { ZERO_QTY } from './quantities.js';

/** A new open order from priced lines. */
export function newOrder(args: {
  readonly number: string;
  readonly customer: CustomerContext;
  readonly currency: string;
  readonly orderedOn: CalendarDate;
  readonly lines: readonly InputLine[];
  readonly prices: readonly LinePrice[];
  readonly totals: DocumentTotals;
  readonly invoiceAheadOfDelivery: boolean;
  readonly quotationNumber?: string;
}): SalesOrder {
  const order: SalesOrder = {
    number: args.number,
    customer: args.customer,
    currency: args.currency,
    status: 'open',
    orderedOn: args.orderedOn,
    lines: args.lines.map((l, i) => ({
      ...l,
      price: args.prices[i] as LinePrice,
      delivered: ZERO_QTY,
      invoiced: ZERO_QTY,
      cancelled: ZERO_QTY,
      returned: ZERO_QTY,
      invoices: [],
    })),
    totals: args.totals,
    policy: { invoiceAheadOfDelivery: args.invoiceAheadOfDelivery },
    ...(args.quotationNumber === undefined ? {} : { quotationNumber: args.quotationNumber }),
  };
  return deepFreeze(order);
}
