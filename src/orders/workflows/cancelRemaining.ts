import { cancelRemainingQuantities } from '../cancelRemainingQuantities.js';
import type { SalesOrderRepository } from '../ports.js';
import { updateAggregate } from '../_internal/update.js';
import type { OrderChangeOutcome } from './recordDelivery.js';

/**
 * Workflow: cancels the remaining quantities of an order (of the given lines, or all) and saves it.
 * @returns `saved`, `notFound` or `conflict`.
 * @throws {@link OrderToCashError} `illegal_transition` or `invalid_input` as {@link cancelRemainingQuantities}.
 * @example
 * await cancelRemaining({ salesOrders }, { orderNumber: 'SO-1' })
 */
export async function cancelRemaining(
  ports: { readonly salesOrders: SalesOrderRepository },
  request: { readonly orderNumber: string; readonly lineIds?: readonly string[] },
): Promise<OrderChangeOutcome> {
  return updateAggregate(ports.salesOrders, 'salesOrder', request.orderNumber, (order) => {
    const next = cancelRemainingQuantities(order, request.lineIds);
    return { value: next, result: { order: next } };
  });
}
