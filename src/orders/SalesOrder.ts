import type { CalendarDate } from '../calendar/CalendarDate.js';
import type { CurrencyCode, Money } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import type { CustomerContext } from '../pricing/schemas.js';
import type { DocumentTotals } from './LinePrice.js';
import type { QuotationLine } from './Quotation.js';
import type { SalesOrderStatus } from './stateMachines.js';

/**
 * What one invoice billed of an order line: recorded by `recordInvoiced`, the base of returns.
 * `amount` is the invoiced line amount, discounts and charges included, tax excluded.
 * @example
 * const part: InvoicedPart = order.lines[0].invoices[0];
 */
export type InvoicedPart = {
  readonly invoiceNumber: string;
  /** Id of the line on the invoice (what a credit note names). */
  readonly invoiceLineId: string;
  readonly quantity: Scaled;
  readonly amount: Money;
  /** Quantity already taken back by return orders. */
  readonly returned: Scaled;
  /** Amount already refunded by return orders. */
  readonly refunded: Money;
};

/**
 * A sales order line: a quotation line (item, quantity, frozen price) and what happened to it.
 * Quantities only grow: `delivered` and `invoiced` as the host reports them, `cancelled` when
 * the remaining quantity is cancelled, `returned` by return orders.
 * @example
 * const line: SalesOrderLine = order.lines[0];
 */
export type SalesOrderLine = QuotationLine & {
  readonly delivered: Scaled;
  readonly invoiced: Scaled;
  readonly cancelled: Scaled;
  readonly returned: Scaled;
  readonly invoices: readonly InvoicedPart[];
};

/**
 * Settings fixed when the order is made.
 * @example
 * const policy: SalesOrderPolicy = { invoiceAheadOfDelivery: false };
 */
export type SalesOrderPolicy = {
  /** When true, a line may be invoiced up to its ordered (not cancelled) quantity before delivery. */
  readonly invoiceAheadOfDelivery: boolean;
};

/**
 * Why an order went on credit hold, as the credit policy said.
 * @example
 * const reason: CreditReason = { code: 'daysOverdue', detail: 'rule od: 31 days' };
 */
export type CreditReason = { readonly code: string; readonly detail?: string };

/**
 * A sales order: an immutable value; every change is a named transition returning a new one.
 * @example
 * const order: SalesOrder = orderFromQuotation(quotation, options).order;
 * order.status //=> 'open'
 */
export type SalesOrder = {
  readonly number: string;
  readonly customer: CustomerContext;
  readonly currency: CurrencyCode;
  readonly status: SalesOrderStatus;
  readonly orderedOn: CalendarDate;
  readonly lines: readonly SalesOrderLine[];
  readonly totals: DocumentTotals;
  readonly policy: SalesOrderPolicy;
  /** The quotation it came from. */
  readonly quotationNumber?: string;
  /** Date of the credit decision that confirmed or held it, and the reasons of a hold or a warning. */
  readonly credit?: { readonly decidedOn: CalendarDate; readonly kind: 'pass' | 'warn' | 'hold'; readonly reasons: readonly CreditReason[] };
};

