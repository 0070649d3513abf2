/**
 * The host's document number sequence (gap-free or not, the host decides). Implementations
 * return a new, unique number on each call.
 */
export interface InvoiceNumberSequence {
  /** The next number for an invoice or a credit note. */
  next(kind: 'invoice' | 'creditNote'): Promise<string>;
}
