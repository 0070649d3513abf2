import { type CalendarDate, calendarDate } from '../calendar/CalendarDate.js';
import { deepFreeze } from './_internal/freeze.js';
import { illegalTransition, targetOf } from './_internal/transition.js';
import type { Quotation } from './Quotation.js';
import { QUOTATION_TRANSITIONS } from './stateMachines.js';

/**
 * Transition `expire`: as of a date after its expiry date, a quotation that was not converted
 * expires and can no longer be accepted or converted.
 * @param asOf the date of the check; must be after `expiresOn`
 * @returns a new quotation in state `expired`.
 * @throws {@link OrderToCashError} `illegal_transition` from `expired` or `converted`, or when
 *   the quotation is still valid on `asOf`.
 * @example
 * expireQuotation(sent, '2026-04-01').status //=> 'expired' (it expired on 2026-03-31)
 */
export function expireQuotation(quotation: Quotation, asOf: CalendarDate | string): Quotation {
  const date = calendarDate(asOf, ['asOf']);
  const status = targetOf(QUOTATION_TRANSITIONS, 'quotation', quotation.status, 'expire');
  if (date <= quotation.expiresOn) {
    illegalTransition('quotation', quotation.status, 'expire', Object.keys(QUOTATION_TRANSITIONS[quotation.status]).filter((t) => t !== 'expire'), `it is valid until ${quotation.expiresOn}`);
  }
  return deepFreeze({ ...quotation, status });
}
