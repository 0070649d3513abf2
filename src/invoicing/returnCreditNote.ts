import { invalidInput } from '../errors/parseInput.js';
import { addScaled } from '../money/addScaled.js';
import { requireMinorUnit } from '../money/currencies.js';
import { type Money, sameCurrencyMoney } from '../money/Money.js';
import type { Scaled } from '../money/Scaled.js';
import type { ReturnOrder } from '../orders/ReturnOrder.js';
import { netUnitPrice, ZERO } from './_internal/orderLines.js';
import { creditNote } from './creditNote.js';
import type { Invoice } from './Invoice.js';
import type { PostedInvoice } from './postInvoice.js';

/**
 * One credit note of a return order: the invoice it credits, the refund the return order
 * promised for that invoice's lines (tax excluded), and the credit note (not yet posted).
 * @example
 * const c: ReturnCreditNote = returnCreditNote(ret, [posted])[0];
 * c.creditNote.totals.net.minor === -c.refund.minor //=> true
 */
export type ReturnCreditNote = { readonly invoiceNumber: string; readonly refund: Money; readonly creditNote: Invoice };

/**
 * The credit notes of a return order, one per invoice in the order the invoices first appear
 * on its lines, made with {@link creditNote} (`kind: 'lines'`) under each invoice's snapshot
 * (tax codes, rounding policy, terms). Each credit note line nets exactly minus the return's
 * refunds of that invoice line: the refund is prorated from the invoiced line amount, line
 * charges included, so the credited line carries no charges of its own and is taxed with the
 * line's item tax group; header charges are not credited. Invoicing everything and returning
 * everything credits every line net and tax (same policy, same bases). Pure.
 * @param invoices - the posted invoices the return refers to (others are ignored)
 * @throws {@link OrderToCashError} `invalid_input` at `['invoices']` for an invoice the return
 *   names but that is not given, in another currency, or without the line it names; and as {@link creditNote}.
 * @example
 * const [c] = returnCreditNote(ret, [posted]);
 * await postWithSequence(c.creditNote, invoiceNumbers)
 */
export function returnCreditNote(returnOrder: ReturnOrder, invoices: readonly PostedInvoice[]): ReturnCreditNote[] {
  const byInvoice = new Map<string, Map<string, { quantity: Scaled; refund: bigint }>>();
  for (const l of returnOrder.lines) {
    let lines = byInvoice.get(l.invoiceNumber);
    if (lines === undefined) {
      lines = new Map<string, { quantity: Scaled; refund: bigint }>();
      byInvoice.set(l.invoiceNumber, lines);
    }
    const e = lines.get(l.invoiceLineId);
    lines.set(l.invoiceLineId, e === undefined ? { quantity: l.quantity, refund: l.refund.minor } : { quantity: addScaled(e.quantity, l.quantity), refund: e.refund + l.refund.minor });
  }
  return [...byInvoice].map(([invoiceNumber, lines]) => {
    const posted = invoices.find((p) => p.number === invoiceNumber);
    if (posted === undefined) return invalidInput(['invoices'], `has no invoice ${invoiceNumber}, which return ${returnOrder.number} credits`);
    const doc = posted.invoice.document;
    if (doc.currency !== returnOrder.currency) invalidInput(['invoices'], `invoice ${invoiceNumber} is in ${doc.currency} but return ${returnOrder.number} is in ${returnOrder.currency}`);
    const minorUnit = requireMinorUnit(doc.currency, ['invoices']);
    let refund = 0n;
    // The credited lines at the net unit price of their refund, under the invoice's snapshot.
    const docLines = [...lines].map(([id, r]) => {
      const line = doc.lines.find((l) => l.id === id);
      if (line === undefined) return invalidInput(['invoices'], `invoice ${invoiceNumber} has no line ${id}, which return ${returnOrder.number} credits`);
      refund += r.refund;
      const unitPrice = netUnitPrice(sameCurrencyMoney(r.refund, doc.currency), minorUnit, r.quantity, doc.rounding.mode);
      return { ...line, quantity: r.quantity, unitPrice, discountPercent: ZERO, charges: [] };
    });
    const basis: PostedInvoice = { number: posted.number, invoice: { ...posted.invoice, document: { ...doc, priceMode: 'taxExcluded', totalDiscountPercent: ZERO, lines: docLines } } };
    const note = creditNote(basis, { kind: 'lines', lines: docLines.map((l) => ({ id: l.id, quantity: l.quantity })) });
    return { invoiceNumber, refund: sameCurrencyMoney(refund, doc.currency), creditNote: note };
  });
}
