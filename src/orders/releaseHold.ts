import { deepFreeze } from './_internal/freeze.js';
import { targetOf } from './_internal/transition.js';
import type { SalesOrder } from './SalesOrder.js';
import { SALES_ORDER_TRANSITIONS } from './stateMachines.js';

/**
 * Transition `release`: a credit hold is lifted explicitly and the order is confirmed.
 * @returns a new order in state `confirmed`; the hold's reasons stay on `credit`.
 * @throws {@link OrderToCashError} `illegal_transition` unless the order is `onHold`.
 * @example
 * releaseHold(held).status //=> 'confirmed'
 */
export function releaseHold(order: SalesOrder): SalesOrder {
  const status = targetOf(SALES_ORDER_TRANSITIONS, 'sales order', order.status, 'release');
  return deepFreeze({ ...order, status });
}
