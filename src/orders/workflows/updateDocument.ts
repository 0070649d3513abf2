import type { QuotationRepository, SalesOrderRepository } from '../ports.js';
import type { Quotation } from '../Quotation.js';
import type { SalesOrder } from '../SalesOrder.js';
import { updateAggregate } from '../_internal/update.js';
import type { Conflict, NotFound, Saved } from './outcomes.js';

/**
 * Workflow for the transitions without a workflow of their own (`sendQuotation`,
 * `acceptQuotation`, `expireQuotation`): loads the quotation, applies `transition`, saves.
 * @returns `saved` with the new quotation, `notFound` or `conflict`.
 * @example
 * await updateQuotation({ quotations }, 'SQ-1', (q) => acceptQuotation(q, '2026-03-05'))
 */
export async function updateQuotation(
  ports: { readonly quotations: QuotationRepository },
  quotationNumber: string,
  transition: (quotation: Quotation) => Quotation,
): Promise<Saved<{ readonly quotation: Quotation }> | NotFound | Conflict> {
  return updateAggregate(ports.quotations, 'quotation', quotationNumber, (q) => {
    const next = transition(q);
    return { value: next, result: { quotation: next } };
  });
}

/**
 * Workflow for the order transitions without a workflow of their own (`releaseHold`,
 * `closeSalesOrder`): loads the order, applies `transition`, saves.
 * @returns `saved` with the new order, `notFound` or `conflict`.
 * @example
 * await updateSalesOrder({ salesOrders }, 'SO-1', releaseHold)
 */
export async function updateSalesOrder(
  ports: { readonly salesOrders: SalesOrderRepository },
  orderNumber: string,
  transition: (order: SalesOrder) => SalesOrder,
): Promise<Saved<{ readonly order: SalesOrder }> | NotFound | Conflict> {
  return updateAggregate(ports.salesOrders, 'salesOrder', orderNumber, (o) => {
    const next = transition(o);
    return { value: next, result: { order: next } };
  });
}
