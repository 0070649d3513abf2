import * as z from 'zod';
import { invalidInput, parseInput } from '../errors/parseInput.js';
import { deepFreeze } from './_internal/freeze.js';
import { impliedStatus } from './_internal/orderStatus.js';
import { add, max, sub } from './_internal/quantities.js';
import { targetOf } from './_internal/transition.js';
import type { SalesOrder } from './SalesOrder.js';
import { SALES_ORDER_TRANSITIONS } from './stateMachines.js';

const LineIdsSchema = /* @__PURE__ */ z.array(z.string().min(1)).optional();

/**
 * Transition `cancelRemaining`: cancels what is still to deliver (and not already invoiced
 * ahead) on the given lines, or on every line. An order nothing was delivered on becomes
 * `cancelled` (an open order or one on hold stays so while some line is left); otherwise the delivered part stays and the order becomes delivered or invoiced.
 * @param lineIds the lines to cancel; all lines when left out
 * @returns a new order.
 * @throws {@link OrderToCashError} `illegal_transition` from `delivered`, `invoiced`, `closed`,
 *   `cancelled`; `invalid_input` at `['lineIds', i]` for an unknown line.
 * @example
 * cancelRemainingQuantities(open).status //=> 'cancelled'
 */
export function cancelRemainingQuantities(order: SalesOrder, lineIds?: readonly string[]): SalesOrder {
  const ids = parseInput(LineIdsSchema, lineIds, ['lineIds']);
  ids?.forEach((id, i) => {
    if (!order.lines.some((l) => l.lineId === id)) invalidInput(['lineIds', i], `is not a line of order ${order.number}`);
  });
  const next = order.lines.map((l) => {
    if (ids !== undefined && !ids.includes(l.lineId)) return l;
    const kept = max(l.delivered, l.invoiced);
    return { ...l, cancelled: add(l.cancelled, sub(sub(l.quantity, l.cancelled), kept)) };
  });
  const implied = impliedStatus(next);
  // Before confirmation "nothing under way" keeps the order where it is.
  const target = implied === 'confirmed' && (order.status === 'open' || order.status === 'onHold') ? order.status : implied;
  const status = targetOf(SALES_ORDER_TRANSITIONS, 'sales order', order.status, 'cancelRemaining', target);
  return deepFreeze({ ...order, status, lines: next });
}
