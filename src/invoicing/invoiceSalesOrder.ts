import type { SalesOrderRepository } from '../orders/ports.js';
import { recordInvoiced } from '../orders/recordInvoiced.js';
import type { SalesOrder } from '../orders/SalesOrder.js';
import type { Conflict, NotFound } from '../orders/workflows/outcomes.js';
import { calculateParsedInvoice } from './calculateInvoice.js';
import { type OrderInvoiceSpec, orderInvoiceDocument } from './orderInvoiceDocument.js';
import type { InvoiceNumberSequence } from './ports.js';
import type { PostedInvoice } from './postInvoice.js';
import { postWithSequence } from './postWithSequence.js';

/**
 * Outcome of {@link invoiceSalesOrder}: `invoiced` with the posted invoice, the order as saved
 * and its new version; `notFound`; or `conflict` when the order was saved by someone else
 * (or is not at `expectedVersion`): the order is not changed, reload and retry. A conflict
 * after posting leaves the drawn number unused (`postedNumber`), for the host to void.
 * @example
 * if (outcome.kind === 'invoiced') outcome.invoice.number //=> 'INV-1'
 */
export type InvoiceSalesOrderOutcome =
  | { readonly kind: 'invoiced'; readonly invoice: PostedInvoice; readonly order: SalesOrder; readonly version: number }
  | NotFound
  | (Conflict & { readonly postedNumber?: string });

/**
 * What {@link invoiceSalesOrder} needs: the order repository and the invoice number sequence.
 * @example
 * const ports: InvoiceSalesOrderPorts = { salesOrders: memoryOrderPorts().salesOrders, invoiceNumbers };
 */
export type InvoiceSalesOrderPorts = { readonly salesOrders: SalesOrderRepository; readonly invoiceNumbers: InvoiceNumberSequence };

/**
 * Workflow: invoices a sales order. Loads the order, builds its document with
 * {@link orderInvoiceDocument}, calculates it and posts it under the next invoice number, records
 * what it billed on the order (`recordInvoiced`: per line the quantity and the line net plus its
 * line charges, tax excluded) and saves the order with the version it was loaded at.
 * @returns `invoiced`, `notFound` or `conflict` (stale version: nothing saved).
 * @throws {@link OrderToCashError} `invalid_input` as {@link orderInvoiceDocument};
 *   `illegal_transition` when the order's state does not allow invoicing (open, on hold, closed…).
 * @example
 * const outcome = await invoiceSalesOrder({ salesOrders, invoiceNumbers }, { orderNumber: 'SO-1', spec });
 * if (outcome.kind === 'invoiced') outcome.order.lines[0].invoiced // what is invoiced so far
 */
export async function invoiceSalesOrder(
  ports: InvoiceSalesOrderPorts,
  request: { readonly orderNumber: string; readonly spec: OrderInvoiceSpec; readonly expectedVersion?: number },
): Promise<InvoiceSalesOrderOutcome> {
  const id = request.orderNumber;
  const loaded = await ports.salesOrders.get(id);
  if (loaded === undefined) return { kind: 'notFound', entity: 'salesOrder', id };
  if (request.expectedVersion !== undefined && request.expectedVersion !== loaded.version)
    return { kind: 'conflict', entity: 'salesOrder', id, expectedVersion: request.expectedVersion, actualVersion: loaded.version };
  const order = loaded.value;
  const invoice = calculateParsedInvoice(orderInvoiceDocument(order, request.spec));
  const billed = invoice.lines.map((l) => {
    let minor = l.net.minor;
    for (const c of l.charges) minor += c.amount.minor;
    return { lineId: l.id, quantity: l.quantity, amount: { minor, currency: l.net.currency } };
  });
  // Checks the transition and the quantities before a number is drawn.
  recordInvoiced(order, { invoiceNumber: 'pending', lines: billed });
  const posted = await postWithSequence(invoice, ports.invoiceNumbers);
  const next = recordInvoiced(order, { invoiceNumber: posted.number, lines: billed });
  const saved = await ports.salesOrders.save(next, loaded.version);
  if (saved.kind === 'conflict')
    return { kind: 'conflict', entity: 'salesOrder', id, expectedVersion: saved.expectedVersion, actualVersion: saved.actualVersion, postedNumber: posted.number };
  return { kind: 'invoiced', invoice: posted, order: next, version: saved.version };
}
