import { invalidInput } from '../errors/parseInput.js';
import { deepFreeze } from './_internal/freeze.js';
import { targetOf } from './_internal/transition.js';
import type { ReturnOrder } from './ReturnOrder.js';
import { RETURN_ORDER_TRANSITIONS } from './stateMachines.js';

/**
 * Transition `credit`: the credit note for the return was posted.
 * @param creditNoteNumber number of the posted credit note
 * @returns a new return order in state `credited`, naming the credit note.
 * @throws {@link OrderToCashError} `illegal_transition` unless it is `received`.
 * @example
 * creditReturn(received, 'CN-1').status //=> 'credited'
 */
export function creditReturn(returnOrder: ReturnOrder, creditNoteNumber: string): ReturnOrder {
  if (typeof creditNoteNumber !== 'string' || creditNoteNumber === '') invalidInput(['creditNoteNumber'], 'must be a non-empty credit note number');
  const status = targetOf(RETURN_ORDER_TRANSITIONS, 'return order', returnOrder.status, 'credit');
  return deepFreeze({ ...returnOrder, status, creditNoteNumber });
}
