import type { SalesOrderLine } from '../SalesOrder.js';
import type { SalesOrderStatus } from '../stateMachines.js';
import { eq, isZero, sub } from './quantities.js';

/**
 * The state the line quantities imply once an order is under way: everything cancelled →
 * cancelled; everything left delivered → delivered, and invoiced when all of it is invoiced;
 * something delivered → partially delivered; else confirmed.
 */
export function impliedStatus(lines: readonly SalesOrderLine[]): SalesOrderStatus {
  let allCancelled = true;
  let allDelivered = true;
  let allInvoiced = true;
  let anyDelivered = false;
  for (const l of lines) {
    const deliverable = sub(l.quantity, l.cancelled);
    if (!isZero(deliverable)) allCancelled = false;
    if (!eq(l.delivered, deliverable)) allDelivered = false;
    if (!eq(l.invoiced, deliverable)) allInvoiced = false;
    if (!isZero(l.delivered)) anyDelivered = true;
  }
  if (allCancelled) return 'cancelled';
  if (allDelivered) return allInvoiced ? 'invoiced' : 'delivered';
  return anyDelivered ? 'partiallyDelivered' : 'confirmed';
}
