import { type CalendarDate, calendarDate } from '../calendar/CalendarDate.js';
import { deepFreeze } from './_internal/freeze.js';
import { targetOf } from './_internal/transition.js';
import type { CreditVerdict } from './ports.js';
import type { SalesOrder } from './SalesOrder.js';
import { SALES_ORDER_TRANSITIONS } from './stateMachines.js';

/**
 * Transitions `confirm` (verdict pass or warn) and `hold` (verdict hold): applies the credit
 * policy's verdict to an open order. From confirmation on, prices are frozen: only an
 * explicit {@link repriceSalesOrder} changes them.
 * @param verdict what the {@link CreditPolicy} said
 * @param asOf the date of the decision
 * @returns a new order, `confirmed` or `onHold`, carrying the verdict and its reasons.
 * @throws {@link OrderToCashError} `illegal_transition` unless the order is `open`.
 * @example
 * confirmSalesOrder(order, { kind: 'pass', reasons: [] }, '2026-03-10').status //=> 'confirmed'
 * confirmSalesOrder(order, { kind: 'hold', reasons: [{ code: 'overdue' }] }, '2026-03-10').status //=> 'onHold'
 */
export function confirmSalesOrder(order: SalesOrder, verdict: CreditVerdict, asOf: CalendarDate | string): SalesOrder {
  const date = calendarDate(asOf, ['asOf']);
  const status = targetOf(SALES_ORDER_TRANSITIONS, 'sales order', order.status, verdict.kind === 'hold' ? 'hold' : 'confirm');
  return deepFreeze({ ...order, status, credit: { decidedOn: date, kind: verdict.kind, reasons: [...verdict.reasons] } });
}
