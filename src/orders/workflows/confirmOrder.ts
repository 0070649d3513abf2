import { type CalendarDate, calendarDate } from '../../calendar/CalendarDate.js';
import { confirmSalesOrder } from '../confirmSalesOrder.js';
import type { CreditPolicy, CreditVerdict, SalesOrderRepository } from '../ports.js';
import type { SalesOrder } from '../SalesOrder.js';
import { updateAggregate } from '../_internal/update.js';
import type { Conflict, NotFound, Saved } from './outcomes.js';

/**
 * Outcome of {@link confirmOrder}: the order is `confirmed` or `onHold` as the verdict says.
 * @example
 * if (outcome.kind === 'saved' && outcome.order.status === 'onHold') outcome.verdict.reasons
 */
export type ConfirmOrderOutcome = Saved<{ readonly order: SalesOrder; readonly verdict: CreditVerdict }> | NotFound | Conflict;

/**
 * Workflow: loads an open order, asks the credit policy, confirms it (prices frozen from now
 * on) or puts it on credit hold with the policy's reasons, and saves it.
 * @param ports the order repository and the {@link CreditPolicy} (e.g. `permissiveCreditPolicy`)
 * @returns `saved`, `notFound` or `conflict`.
 * @throws {@link OrderToCashError} `illegal_transition` unless the order is open.
 * @example
 * await confirmOrder({ salesOrders, creditPolicy: permissiveCreditPolicy }, { orderNumber: 'SO-1', asOf: '2026-03-10' })
 */
export async function confirmOrder(
  ports: { readonly salesOrders: SalesOrderRepository; readonly creditPolicy: CreditPolicy },
  request: { readonly orderNumber: string; readonly asOf: CalendarDate | string },
): Promise<ConfirmOrderOutcome> {
  const asOf = calendarDate(request.asOf, ['request', 'asOf']);
  return updateAggregate(ports.salesOrders, 'salesOrder', request.orderNumber, async (order) => {
    // Check the transition before asking the policy: an illegal confirm never reaches it.
    confirmSalesOrder(order, { kind: 'pass', reasons: [] }, asOf);
    const verdict = await ports.creditPolicy.check(order, asOf);
    const next = confirmSalesOrder(order, verdict, asOf);
    return { value: next, result: { order: next, verdict } };
  });
}
