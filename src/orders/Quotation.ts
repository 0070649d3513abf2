import type { CalendarDate } from '../calendar/CalendarDate.js';
import type { CurrencyCode } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import type { CustomerContext } from '../pricing/schemas.js';
import type { DocumentTotals, LinePrice } from './LinePrice.js';
import type { QuotationStatus } from './stateMachines.js';

/**
 * A quotation line: item, quantity, unit, the date the customer asked for, and its price.
 * @example
 * const line: QuotationLine = quotation.lines[0];
 */
export type QuotationLine = {
  readonly lineId: string;
  readonly itemId: string;
  readonly quantity: Scaled;
  readonly unit: string;
  readonly requestedDate?: CalendarDate;
  readonly price: LinePrice;
};

/**
 * A sales quotation: an immutable value; every change is a transition that returns a new one.
 * @example
 * const q: Quotation = draftQuotation(input, book, options).quotation;
 * q.status //=> 'draft'
 */
export type Quotation = {
  readonly number: string;
  readonly customer: CustomerContext;
  readonly currency: CurrencyCode;
  readonly status: QuotationStatus;
  /** The date the quotation was priced and created. */
  readonly quotedOn: CalendarDate;
  /** Last day the quotation can be accepted and converted (inclusive). */
  readonly expiresOn: CalendarDate;
  readonly lines: readonly QuotationLine[];
  readonly totals: DocumentTotals;
  /** Number of the sales order it was converted into. */
  readonly salesOrderNumber?: string;
};
