import type { CalendarDate } from '../calendar/CalendarDate.js';
import type { CurrencyCode, Money } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import type { ReturnOrderStatus } from './stateMachines.js';

/**
 * A return order line: a quantity taken back from one invoice line of a sales order line, and
 * the amount refunded for it.
 * @example
 * const line: ReturnLine = ret.lines[0];
 */
export type ReturnLine = {
  readonly lineId: string;
  readonly orderLineId: string;
  readonly itemId: string;
  readonly unit: string;
  readonly invoiceNumber: string;
  readonly invoiceLineId: string;
  readonly quantity: Scaled;
  /** Prorated from the invoiced line amount; returning a line in parts refunds it exactly. */
  readonly refund: Money;
};

/**
 * A return order (RMA) against invoiced lines of one sales order.
 * @example
 * const ret: ReturnOrder = draftReturn(order, input).returnOrder;
 * ret.status //=> 'created'
 */
export type ReturnOrder = {
  readonly number: string;
  readonly customerId: string;
  readonly salesOrderNumber: string;
  readonly currency: CurrencyCode;
  readonly status: ReturnOrderStatus;
  readonly createdOn: CalendarDate;
  readonly reason?: string;
  readonly lines: readonly ReturnLine[];
  /** Σ line refunds. */
  readonly totalRefund: Money;
  /** Number of the credit note that settled it. */
  readonly creditNoteNumber?: string;
};
