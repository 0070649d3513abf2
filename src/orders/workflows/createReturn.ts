import { draftReturn, type ReturnInput } from '../draftReturn.js';
import type { NumberSequence, ReturnOrderRepository, SalesOrderRepository } from '../ports.js';
import type { ReturnOrder } from '../ReturnOrder.js';
import type { SalesOrder } from '../SalesOrder.js';
import { updateAggregate } from '../_internal/update.js';
import type { Conflict, NotFound, Saved } from './outcomes.js';

/**
 * Outcome of {@link createReturn}: `version` is the sales order's; the return order is at version 1.
 * @example
 * if (outcome.kind === 'saved') outcome.returnOrder.totalRefund
 */
export type CreateReturnOutcome = Saved<{ readonly returnOrder: ReturnOrder; readonly order: SalesOrder }> | NotFound | Conflict;

/**
 * Workflow: creates a return order against invoiced lines of a sales order under a new return
 * number. The sales order (with the returned quantities) is saved first, so that two returns
 * racing for the same quantity end in `conflict` for one of them; then the return is created.
 * @returns `saved`, `notFound` or `conflict`.
 * @throws {@link OrderToCashError} `illegal_transition` or `invalid_input` as {@link draftReturn}.
 * @example
 * await createReturn(ports, { orderNumber: 'SO-1', asOf: '2026-05-02', lines: [{ orderLineId: '1', invoiceNumber: 'INV-1', quantity: '2' }] })
 */
export async function createReturn(
  ports: { readonly salesOrders: SalesOrderRepository; readonly returnOrders: ReturnOrderRepository; readonly numbers: NumberSequence },
  request: Omit<ReturnInput, 'number'> & { readonly orderNumber: string },
): Promise<CreateReturnOutcome> {
  const { orderNumber, ...input } = request;
  const updated = await updateAggregate(ports.salesOrders, 'salesOrder', orderNumber, async (order) => {
    const number = await ports.numbers.next('returnOrder');
    const drafted = draftReturn(order, { ...input, number });
    return { value: drafted.order, result: drafted };
  });
  if (updated.kind !== 'saved') return updated;
  const saved = await ports.returnOrders.save(updated.returnOrder, 0);
  if (saved.kind === 'conflict') return { kind: 'conflict', entity: 'returnOrder', id: updated.returnOrder.number, expectedVersion: 0, actualVersion: saved.actualVersion };
  return updated;
}
