import { deepFreeze } from './_internal/freeze.js';
import { targetOf } from './_internal/transition.js';
import type { ReturnOrder } from './ReturnOrder.js';
import { RETURN_ORDER_TRANSITIONS } from './stateMachines.js';

/**
 * Transition `receive`: the returned goods arrived.
 * @returns a new return order in state `received`.
 * @throws {@link OrderToCashError} `illegal_transition` unless it is `created`.
 * @example
 * receiveReturn(ret).status //=> 'received'
 */
export function receiveReturn(returnOrder: ReturnOrder): ReturnOrder {
  const status = targetOf(RETURN_ORDER_TRANSITIONS, 'return order', returnOrder.status, 'receive');
  return deepFreeze({ ...returnOrder, status });
}
