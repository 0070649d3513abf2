import * as z from 'zod';
import { formatScaled } from '../money/formatScaled.js';
import { invalidInput, parseInput } from '../errors/parseInput.js';
import { allocateMoney } from '../money/allocateMoney.js';
import { type Money, sameCurrencyMoney } from '../money/Money.js';
import type { DecimalInput } from '../money/Scaled.js';
import { MoneyInputSchema, type MoneyInput, PositiveDecimalSchema } from '../money/schemas.js';
import { deepFreeze } from './_internal/freeze.js';
import { impliedStatus } from './_internal/orderStatus.js';
import { add, isZero, lte, sub, ZERO_QTY } from './_internal/quantities.js';
import { targetOf } from './_internal/transition.js';
import type { SalesOrder, SalesOrderLine } from './SalesOrder.js';
import { SALES_ORDER_TRANSITIONS } from './stateMachines.js';

/**
 * One posted invoice's lines for an order, as invoicing reports them. `amount` is the invoiced
 * line amount (discounts and charges included, tax excluded); left out, it is the order line's
 * net amount prorated cumulatively over the ordered quantity, so that invoicing the whole line
 * in parts (amounts left out) bills its net amount exactly. `invoiceLineId` defaults to the order line id.
 * @example
 * const invoice: InvoicedLines = { invoiceNumber: 'INV-1',
 *   lines: [{ lineId: '1', quantity: '4', amount: { currency: 'EUR', amount: '61.20' } }] };
 */
export type InvoicedLines = {
  readonly invoiceNumber: string;
  readonly lines: readonly { readonly lineId: string; readonly quantity: DecimalInput; readonly amount?: MoneyInput; readonly invoiceLineId?: string }[];
};

const InvoicedLinesSchema = /* @__PURE__ */ z.object({
  invoiceNumber: z.string().min(1),
  lines: z
    .array(z.object({ lineId: z.string().min(1), quantity: PositiveDecimalSchema, amount: MoneyInputSchema.optional(), invoiceLineId: z.string().min(1).optional() }))
    .min(1),
});

/**
 * Transition `invoice`: records what a posted invoice billed of the order's lines (what
 * invoicing calls). Invoiced quantities stay within delivered ones, or within the ordered,
 * not cancelled quantity when the order's policy invoices ahead of delivery.
 * @returns a new order; `delivered` becomes `invoiced` when everything is delivered and invoiced.
 * @throws {@link OrderToCashError} `illegal_transition` from `open`, `onHold`, `invoiced`,
 *   `closed`, `cancelled`; `invalid_input` at `['invoice', 'lines', i, …]` for an unknown line,
 *   a quantity above what may be invoiced, another currency, or an invoice already recorded on the line.
 * @example
 * recordInvoiced(delivered, { invoiceNumber: 'INV-1', lines: [{ lineId: '1', quantity: '10' }] }).status //=> 'invoiced'
 */
export function recordInvoiced(order: SalesOrder, invoice: InvoicedLines): SalesOrder {
  const input = parseInput(InvoicedLinesSchema, invoice, ['invoice']);
  const next: SalesOrderLine[] = [...order.lines];
  input.lines.forEach((r, i) => {
    const at = next.findIndex((l) => l.lineId === r.lineId);
    const line = next[at];
    const path = ['invoice', 'lines', i];
    if (line === undefined) return invalidInput([...path, 'lineId'], `is not a line of order ${order.number}`);
    if (line.invoices.some((p) => p.invoiceNumber === input.invoiceNumber)) {
      invalidInput([...path, 'lineId'], `already has invoice ${input.invoiceNumber}: record each invoice once`);
    }
    const limit = order.policy.invoiceAheadOfDelivery ? sub(line.quantity, line.cancelled) : line.delivered;
    const invoiced = add(line.invoiced, r.quantity);
    if (!lte(invoiced, limit)) {
      const what = order.policy.invoiceAheadOfDelivery ? 'the ordered quantity' : 'the delivered quantity';
      invalidInput([...path, 'quantity'], `exceeds ${what} not yet invoiced, ${formatScaled(sub(limit, line.invoiced))}`);
    }
    if (r.amount !== undefined && r.amount.currency !== order.currency) invalidInput([...path, 'amount'], `is in ${r.amount.currency} but the order is in ${order.currency}`);
    const amount = r.amount ?? proratedAmount(line, r.quantity, order.currency);
    next[at] = {
      ...line,
      invoiced,
      invoices: [
        ...line.invoices,
        { invoiceNumber: input.invoiceNumber, invoiceLineId: r.invoiceLineId ?? line.lineId, quantity: r.quantity, amount, returned: ZERO_QTY, refunded: sameCurrencyMoney(0n, order.currency) },
      ],
    };
  });
  const status = targetOf(SALES_ORDER_TRANSITIONS, 'sales order', order.status, 'invoice', impliedStatus(next));
  return deepFreeze({ ...order, status, lines: next });
}

// Cumulative proration of the line's net amount over its ordered quantity: the share of
// `invoiced + quantity` minus the share of `invoiced` (allocateMoney), so that parts add up.
function proratedAmount(line: SalesOrderLine, quantity: SalesOrderLine['quantity'], currency: string): Money {
  const upTo = (q: SalesOrderLine['quantity']): bigint => (isZero(q) ? 0n : (allocateMoney(line.price.netAmount, [q, sub(line.quantity, q)])[0] as Money).minor);
  return sameCurrencyMoney(upTo(add(line.invoiced, quantity)) - upTo(line.invoiced), currency);
}
