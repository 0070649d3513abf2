import { type InvoicedLines, recordInvoiced } from '../recordInvoiced.js';
import type { SalesOrderRepository } from '../ports.js';
import { updateAggregate } from '../_internal/update.js';
import type { OrderChangeOutcome } from './recordDelivery.js';

/**
 * Workflow: records what a posted invoice billed of an order (what invoicing calls) and saves it.
 * @returns `saved`, `notFound` or `conflict`.
 * @throws {@link OrderToCashError} `illegal_transition` or `invalid_input` as {@link recordInvoiced}.
 * @example
 * await recordInvoice({ salesOrders }, { orderNumber: 'SO-1', invoice: { invoiceNumber: 'INV-1', lines: [{ lineId: '1', quantity: '4' }] } })
 */
export async function recordInvoice(
  ports: { readonly salesOrders: SalesOrderRepository },
  request: { readonly orderNumber: string; readonly invoice: InvoicedLines },
): Promise<OrderChangeOutcome> {
  return updateAggregate(ports.salesOrders, 'salesOrder', request.orderNumber, (order) => {
    const next = recordInvoiced(order, request.invoice);
    return { value: next, result: { order: next } };
  });
}
