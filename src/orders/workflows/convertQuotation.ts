import type { CalendarDate } from '../../calendar/CalendarDate.js';
import { type RepriceOptions, orderFromQuotation } from '../orderFromQuotation.js';
import type { NumberSequence, PriceBookRepository, QuotationRepository, SalesOrderRepository } from '../ports.js';
import type { Quotation } from '../Quotation.js';
import type { SalesOrder } from '../SalesOrder.js';
import { updateAggregate } from '../_internal/update.js';
import type { Conflict, NoPrice, NotFound, Saved } from './outcomes.js';

/**
 * What {@link convertQuotation} takes. `reprice` prices again with the current price book and
 * the given pricing options, as of `asOf`.
 * @example
 * const request: ConvertQuotationRequest = { quotationNumber: 'SQ-1', asOf: '2026-03-10', policy: 'keepQuotedPrices' };
 */
export type ConvertQuotationRequest = {
  readonly quotationNumber: string;
  readonly asOf: CalendarDate | string;
  readonly invoiceAheadOfDelivery?: boolean;
} & ({ readonly policy: 'keepQuotedPrices' } | { readonly policy: 'reprice'; readonly pricing: RepriceOptions });

/**
 * Outcome of {@link convertQuotation}: `version` is the quotation's, the new order is at version 1.
 * @example
 * if (outcome.kind === 'saved') outcome.order.status //=> 'open'
 */
export type ConvertQuotationOutcome = Saved<{ readonly quotation: Quotation; readonly order: SalesOrder }> | NotFound | NoPrice | Conflict;

/**
 * Workflow: converts an accepted quotation into an open sales order under a new order number.
 * The quotation is saved (as converted) first, so a concurrent conversion ends in `conflict`
 * and never makes two orders; then the order is created.
 * @returns `saved` with the converted quotation and the order, or `notFound`, `noPrice`, `conflict`.
 * @throws {@link OrderToCashError} `illegal_transition` when the quotation is not accepted or has expired.
 * @example
 * await convertQuotation(ports, { quotationNumber: 'SQ-1', asOf: '2026-03-10', policy: 'keepQuotedPrices' })
 */
export async function convertQuotation(
  ports: { readonly quotations: QuotationRepository; readonly salesOrders: SalesOrderRepository; readonly priceBooks: PriceBookRepository; readonly numbers: NumberSequence },
  request: ConvertQuotationRequest,
): Promise<ConvertQuotationOutcome> {
  const book = request.policy === 'reprice' ? await ports.priceBooks.current() : undefined;
  const updated = await updateAggregate(ports.quotations, 'quotation', request.quotationNumber, async (quotation) => {
    const number = await ports.numbers.next('salesOrder');
    const common = { number, asOf: request.asOf, ...(request.invoiceAheadOfDelivery === undefined ? {} : { invoiceAheadOfDelivery: request.invoiceAheadOfDelivery }) };
    const converted =
      request.policy === 'reprice' && book !== undefined
        ? orderFromQuotation(quotation, { ...common, policy: 'reprice', book, pricing: request.pricing })
        : orderFromQuotation(quotation, { ...common, policy: 'keepQuotedPrices' });
    if (converted.kind === 'noPrice') return { early: converted };
    return { value: converted.quotation, result: { quotation: converted.quotation, order: converted.order } };
  });
  if (updated.kind !== 'saved') return updated;
  const saved = await ports.salesOrders.save(updated.order, 0);
  if (saved.kind === 'conflict') return { kind: 'conflict', entity: 'salesOrder', id: updated.order.number, expectedVersion: 0, actualVersion: saved.actualVersion };
  return updated;
}
