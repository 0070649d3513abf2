import { deepFreeze } from './_internal/freeze.js';
import { targetOf } from './_internal/transition.js';
import type { SalesOrder } from './SalesOrder.js';
import { SALES_ORDER_TRANSITIONS } from './stateMachines.js';

/**
 * Transition `close`: a fully invoiced order is closed; returns may still be recorded on it.
 * @returns a new order in state `closed`.
 * @throws {@link OrderToCashError} `illegal_transition` unless the order is `invoiced`.
 * @example
 * closeSalesOrder(invoiced).status //=> 'closed'
 */
export function closeSalesOrder(order: SalesOrder): SalesOrder {
  const status = targetOf(SALES_ORDER_TRANSITIONS, 'sales order', order.status, 'close');
  return deepFreeze({ ...order, status });
}
