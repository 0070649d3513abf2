import { type CalendarDate, calendarDate } from '../calendar/CalendarDate.js';
import { deepFreeze } from './_internal/freeze.js';
import { illegalTransition, targetOf } from './_internal/transition.js';
import type { Quotation } from './Quotation.js';
import { QUOTATION_TRANSITIONS } from './stateMachines.js';

/**
 * Transition `accept`: the customer accepts the quotation, on or before its expiry date.
 * @param asOf the date of acceptance
 * @returns a new quotation in state `accepted`.
 * @throws {@link OrderToCashError} `illegal_transition` from `accepted`, `expired` or `converted`,
 *   or when `asOf` is after `expiresOn`.
 * @example
 * acceptQuotation(sent, '2026-03-10').status //=> 'accepted'
 */
export function acceptQuotation(quotation: Quotation, asOf: CalendarDate | string): Quotation {
  const date = calendarDate(asOf, ['asOf']);
  const status = targetOf(QUOTATION_TRANSITIONS, 'quotation', quotation.status, 'accept');
  if (date > quotation.expiresOn) {
    illegalTransition('quotation', quotation.status, 'accept', ['expire'], `it expired after ${quotation.expiresOn}`);
  }
  return deepFreeze({ ...quotation, status });
}
