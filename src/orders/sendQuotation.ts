import { deepFreeze } from './_internal/freeze.js';
import { targetOf } from './_internal/transition.js';
import type { Quotation } from './Quotation.js';
import { QUOTATION_TRANSITIONS } from './stateMachines.js';

/**
 * Transition `send`: a draft quotation goes to the customer.
 * @returns a new quotation in state `sent`; `quotation` is unchanged.
 * @throws {@link OrderToCashError} `illegal_transition` from any state but `draft`.
 * @example
 * sendQuotation(draft).status //=> 'sent'
 */
export function sendQuotation(quotation: Quotation): Quotation {
  const status = targetOf(QUOTATION_TRANSITIONS, 'quotation', quotation.status, 'send');
  return deepFreeze({ ...quotation, status });
}
