import type { CalendarDate } from '../../calendar/CalendarDate.js';
import type { Money } from '../../money/Money.js';
import type { RepriceOptions } from '../orderFromQuotation.js';
import type { PriceBookRepository, SalesOrderRepository } from '../ports.js';
import { type PriceChange, repriceSalesOrder } from '../repriceSalesOrder.js';
import type { SalesOrder } from '../SalesOrder.js';
import { updateAggregate } from '../_internal/update.js';
import type { Conflict, NoPrice, NotFound, Saved } from './outcomes.js';

/**
 * Outcome of {@link repriceOrder}.
 * @example
 * if (outcome.kind === 'saved') outcome.changes.length //=> lines whose price changed
 */
export type RepriceOrderOutcome =
  | Saved<{ readonly order: SalesOrder; readonly changes: readonly PriceChange[]; readonly totalBefore: Money; readonly totalAfter: Money }>
  | NotFound
  | NoPrice
  | Conflict;

/**
 * Workflow: the explicit reprice: loads the order and the current price book, prices every
 * line again as of `asOf`, saves, and reports what changed.
 * @returns `saved` with the changes, or `notFound`, `noPrice` (nothing saved), `conflict`.
 * @throws {@link OrderToCashError} `illegal_transition` once something was delivered.
 * @example
 * await repriceOrder(ports, { orderNumber: 'SO-1', asOf: '2026-04-01', pricing: { rounding: 'halfUp', combination: 'sum' } })
 */
export async function repriceOrder(
  ports: { readonly salesOrders: SalesOrderRepository; readonly priceBooks: PriceBookRepository },
  request: { readonly orderNumber: string; readonly asOf: CalendarDate | string; readonly pricing: RepriceOptions },
): Promise<RepriceOrderOutcome> {
  const book = await ports.priceBooks.current();
  return updateAggregate(ports.salesOrders, 'salesOrder', request.orderNumber, (order) => {
    const repriced = repriceSalesOrder(order, book, request.asOf, request.pricing);
    if (repriced.kind === 'noPrice') return { early: repriced };
    const { kind: _kind, ...result } = repriced;
    return { value: repriced.order, result };
  });
}
