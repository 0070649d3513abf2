import { type LineQuantities, recordDelivered } from '../recordDelivered.js';
import type { SalesOrderRepository } from '../ports.js';
import type { SalesOrder } from '../SalesOrder.js';
import { updateAggregate } from '../_internal/update.js';
import type { Conflict, NotFound, Saved } from './outcomes.js';

/**
 * Outcome of the order workflows that change one order.
 * @example
 * if (outcome.kind === 'saved') outcome.order.status //=> 'partiallyDelivered'
 */
export type OrderChangeOutcome = Saved<{ readonly order: SalesOrder }> | NotFound | Conflict;

/**
 * Workflow: records delivered quantities the host reports on an order and saves it.
 * @returns `saved`, `notFound` or `conflict`.
 * @throws {@link OrderToCashError} `illegal_transition` or `invalid_input` as {@link recordDelivered}.
 * @example
 * await recordDelivery({ salesOrders }, { orderNumber: 'SO-1', lines: [{ lineId: '1', quantity: '4' }] })
 */
export async function recordDelivery(
  ports: { readonly salesOrders: SalesOrderRepository },
  request: { readonly orderNumber: string; readonly lines: LineQuantities },
): Promise<OrderChangeOutcome> {
  return updateAggregate(ports.salesOrders, 'salesOrder', request.orderNumber, (order) => {
    const next = recordDelivered(order, request.lines);
    return { value: next, result: { order: next } };
  });
}
