import { formatScaled } from '../money/formatScaled.js';
import { invalidInput, parseInput } from '../errors/parseInput.js';
import type { DecimalInput } from '../money/Scaled.js';
import { deepFreeze } from './_internal/freeze.js';
import { impliedStatus } from './_internal/orderStatus.js';
import { add, lte, sub } from './_internal/quantities.js';
import { QuantityLinesSchema } from './_internal/schemas.js';
import { targetOf } from './_internal/transition.js';
import type { SalesOrder, SalesOrderLine } from './SalesOrder.js';
import { SALES_ORDER_TRANSITIONS } from './stateMachines.js';

/**
 * Quantities per order line, as a host reports them.
 * @example
 * const delivery: LineQuantities = [{ lineId: '1', quantity: '4' }];
 */
export type LineQuantities = readonly { readonly lineId: string; readonly quantity: DecimalInput }[];

/**
 * Transition `deliver`: records quantities the host delivered (fulfilment is the host's). The
 * order becomes partially delivered, delivered, or invoiced when everything was invoiced ahead.
 * @param lines positive quantities per line id; a line may appear more than once
 * @returns a new order; `order` is unchanged.
 * @throws {@link OrderToCashError} `illegal_transition` unless the order is `confirmed` or
 *   `partiallyDelivered`; `invalid_input` at `['lines', i, …]` for an unknown line or a
 *   quantity above what remains to deliver.
 * @example
 * recordDelivered(confirmed, [{ lineId: '1', quantity: '4' }]).lines[0].delivered //=> 4
 */
export function recordDelivered(order: SalesOrder, lines: LineQuantities): SalesOrder {
  const input = parseInput(QuantityLinesSchema, lines, ['lines']);
  const next: SalesOrderLine[] = [...order.lines];
  input.forEach((d, i) => {
    const at = next.findIndex((l) => l.lineId === d.lineId);
    const line = next[at];
    if (line === undefined) return invalidInput(['lines', i, 'lineId'], `is not a line of order ${order.number}`);
    const delivered = add(line.delivered, d.quantity);
    const open = sub(sub(line.quantity, line.cancelled), line.delivered);
    if (!lte(delivered, sub(line.quantity, line.cancelled))) invalidInput(['lines', i, 'quantity'], `exceeds the quantity left to deliver, ${formatScaled(open)}`);
    next[at] = { ...line, delivered };
  });
  const status = targetOf(SALES_ORDER_TRANSITIONS, 'sales order', order.status, 'deliver', impliedStatus(next));
  return deepFreeze({ ...order, status, lines: next });
}
