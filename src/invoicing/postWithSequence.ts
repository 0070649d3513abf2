import type { Invoice } from './Invoice.js';
import type { InvoiceNumberSequence } from './ports.js';
import { type PostedInvoice, postInvoice } from './postInvoice.js';

/**
 * Posts an invoice or credit note under the next number of the host's sequence.
 * @example
 * const posted = await postWithSequence(calculateInvoice(document), { next: async () => 'INV-0007' })
 * posted.number //=> 'INV-0007'
 */
export async function postWithSequence(invoice: Invoice, sequence: InvoiceNumberSequence): Promise<PostedInvoice> {
  const number = await sequence.next(invoice.kind);
  return postInvoice(invoice, { number });
}
