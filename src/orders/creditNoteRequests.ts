import { addScaled } from '../money/addScaled.js';
import { type Money, sameCurrencyMoney } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import type { ReturnOrder } from './ReturnOrder.js';

/**
 * What to credit on one posted invoice for a return order: `request` is the shape invoicing's
 * `creditNote(postedInvoice, request)` takes (lines by invoice line id and quantity), `refund`
 * the prorated amount the return order computed for those lines.
 * @example
 * for (const c of creditNoteRequests(ret)) creditNote(postedByNumber(c.invoiceNumber), c.request);
 */
export type CreditNoteRequestFor = {
  readonly invoiceNumber: string;
  readonly request: { readonly kind: 'lines'; readonly lines: readonly { readonly id: string; readonly quantity: Scaled }[] };
  readonly refund: Money;
};

/**
 * The credit note requests of a return order, one per invoice in the order the invoices first
 * appear on its lines; quantities of one invoice line are added up.
 * @example
 * creditNoteRequests(ret) //=> [{ invoiceNumber: 'INV-1', request: { kind: 'lines', lines: [{ id: '1', quantity: 2 }] }, refund: EUR 30.60 }]
 */
export function creditNoteRequests(returnOrder: ReturnOrder): CreditNoteRequestFor[] {
  const byInvoice = new Map<string, { lines: Map<string, Scaled>; refund: bigint }>();
  for (const l of returnOrder.lines) {
    let entry = byInvoice.get(l.invoiceNumber);
    if (entry === undefined) {
      entry = { lines: new Map(), refund: 0n };
      byInvoice.set(l.invoiceNumber, entry);
    }
    const q = entry.lines.get(l.invoiceLineId);
    entry.lines.set(l.invoiceLineId, q === undefined ? l.quantity : addScaled(q, l.quantity));
    entry.refund += l.refund.minor;
  }
  return [...byInvoice].map(([invoiceNumber, e]) => ({
    invoiceNumber,
    request: { kind: 'lines', lines: [...e.lines].map(([id, quantity]) => ({ id, quantity })) },
    refund: sameCurrencyMoney(e.refund, returnOrder.currency),
  }));
}
