import * as z from 'zod';
import { type CalendarDate, CalendarDateSchema } from '../calendar/CalendarDate.js';
import { invalidInput, parseInput } from '../errors/parseInput.js';
import { allocateMoney } from '../money/allocateMoney.js';
import { formatScaled } from '../money/formatScaled.js';
import { type Money, sameCurrencyMoney } from '../money/Money.js';
import type { DecimalInput, Scaled } from '../money/Scaled.js';
import { PositiveDecimalSchema } from '../money/schemas.js';
import { deepFreeze } from './_internal/freeze.js';
import { add, isZero, lte, sub } from './_internal/quantities.js';
import { targetOf } from './_internal/transition.js';
import type { ReturnLine, ReturnOrder } from './ReturnOrder.js';
import type { InvoicedPart, SalesOrder, SalesOrderLine } from './SalesOrder.js';
import { SALES_ORDER_TRANSITIONS } from './stateMachines.js';

/**
 * A return order as a host sends it: quantities taken back from invoiced lines of one sales
 * order, each naming the order line and the invoice. Line ids default to the 1-based position.
 * @example
 * const input: ReturnInput = { number: 'RMA-1', asOf: '2026-05-02', reason: 'damaged',
 *   lines: [{ orderLineId: '1', invoiceNumber: 'INV-1', quantity: '2' }] };
 */
export type ReturnInput = {
  readonly number: string;
  readonly asOf: string;
  readonly reason?: string;
  readonly lines: readonly { readonly lineId?: string; readonly orderLineId: string; readonly invoiceNumber: string; readonly quantity: DecimalInput }[];
};

/**
 * Outcome of {@link draftReturn}: the new return order and the sales order with the returned
 * quantities and refunds recorded on its lines.
 * @example
 * const { returnOrder, order } = draftReturn(invoiced, input);
 */
export type DraftReturnResult = { readonly returnOrder: ReturnOrder; readonly order: SalesOrder };

type ParsedReturn = {
  number: string;
  asOf: CalendarDate;
  reason?: string | undefined;
  lines: { lineId?: string | undefined; orderLineId: string; invoiceNumber: string; quantity: Scaled }[];
};

const ReturnInputSchema: z.ZodType<ParsedReturn, unknown> = /* @__PURE__ */ z.object({
  number: z.string().min(1),
  asOf: CalendarDateSchema,
  reason: z.string().optional(),
  lines: z.array(z.object({ lineId: z.string().min(1).optional(), orderLineId: z.string().min(1), invoiceNumber: z.string().min(1), quantity: PositiveDecimalSchema })).min(1),
});

/**
 * Creates a return order against invoiced lines of a sales order (transition `recordReturn` of
 * the order). Each quantity is bounded by what its invoice line billed minus what was already
 * returned from it. The refund is the invoice line's amount (discounts and charges included)
 * prorated cumulatively: `allocateMoney` splits the amount between the quantity returned so
 * far (this return included) and the rest, and the refund is the growth of that share. Each
 * refund is within a cent of the exact proportion, and returning a line in any parts refunds
 * exactly its invoiced amount.
 * @returns the return order (state `created`) and the updated sales order.
 * @throws {@link OrderToCashError} `illegal_transition` when the order has nothing invoiced
 *   (`open`, `onHold`, `cancelled`); `invalid_input` at `['input', 'lines', i, …]` for an unknown
 *   line or invoice, or a quantity above what can still be returned.
 * @example
 * draftReturn(order, { number: 'RMA-1', asOf: '2026-05-02',
 *   lines: [{ orderLineId: '1', invoiceNumber: 'INV-1', quantity: '2' }] }).returnOrder.totalRefund
 *   //=> 2/10 of the invoiced line amount
 */
export function draftReturn(order: SalesOrder, input: ReturnInput): DraftReturnResult {
  const r = parseInput(ReturnInputSchema, input, ['input']);
  const status = targetOf(SALES_ORDER_TRANSITIONS, 'sales order', order.status, 'recordReturn');
  const next: SalesOrderLine[] = [...order.lines];
  const lines: ReturnLine[] = [];
  const seen = new Set<string>();
  r.lines.forEach((rl, i) => {
    const path = ['input', 'lines', i];
    const lineId = rl.lineId ?? String(i + 1);
    if (seen.has(lineId)) invalidInput([...path, 'lineId'], `line id ${JSON.stringify(lineId)} is used twice: ids must be unique`);
    seen.add(lineId);
    const at = next.findIndex((l) => l.lineId === rl.orderLineId);
    const line = next[at];
    if (line === undefined) return invalidInput([...path, 'orderLineId'], `is not a line of order ${order.number}`);
    const k = line.invoices.findIndex((p) => p.invoiceNumber === rl.invoiceNumber);
    const part = line.invoices[k];
    if (part === undefined) return invalidInput([...path, 'invoiceNumber'], `did not invoice line ${line.lineId} of order ${order.number}`);
    const returnable = sub(part.quantity, part.returned);
    if (!lte(rl.quantity, returnable)) invalidInput([...path, 'quantity'], `exceeds the quantity invoiced and not yet returned, ${formatScaled(returnable)}`);
    const refund = refundOf(part, rl.quantity);
    const parts: InvoicedPart[] = [...line.invoices];
    parts[k] = { ...part, returned: add(part.returned, rl.quantity), refunded: sameCurrencyMoney(part.refunded.minor + refund.minor, order.currency) };
    next[at] = { ...line, returned: add(line.returned, rl.quantity), invoices: parts };
    lines.push({
      lineId,
      orderLineId: line.lineId,
      itemId: line.itemId,
      unit: line.unit,
      invoiceNumber: part.invoiceNumber,
      invoiceLineId: part.invoiceLineId,
      quantity: rl.quantity,
      refund,
    });
  });
  let total = 0n;
  for (const l of lines) total += l.refund.minor;
  const returnOrder: ReturnOrder = {
    number: r.number,
    customerId: order.customer.customerId,
    salesOrderNumber: order.number,
    currency: order.currency,
    status: 'created',
    createdOn: r.asOf,
    ...(r.reason === undefined ? {} : { reason: r.reason }),
    lines,
    totalRefund: sameCurrencyMoney(total, order.currency),
  };
  return { returnOrder: deepFreeze(returnOrder), order: deepFreeze({ ...order, status, lines: next }) };
}

// Cumulative proration: what returning `before + quantity` of the part is worth, minus what
// returning `before` was worth, each share from allocateMoney (within half a cent of exact).
// The refund of a quantity never depends on how earlier returns were split, and returning
// everything refunds the part's amount exactly.
function refundOf(part: InvoicedPart, quantity: Scaled): Money {
  const upTo = (q: Scaled): bigint => (isZero(q) ? 0n : (allocateMoney(part.amount, [q, sub(part.quantity, q)])[0] as Money).minor);
  return sameCurrencyMoney(upTo(add(part.returned, quantity)) - upTo(part.returned), part.amount.currency);
}
