import { parseInput } from '../errors/parseInput.js';
import { assembleInvoice } from './_internal/assembleInvoice.js';
import { fastParts } from './_internal/fastParts.js';
import { generalParts } from './_internal/generalParts.js';
import type { Invoice } from './Invoice.js';
import { type InvoiceDocument, InvoiceDocumentSchema } from './InvoiceDocument.js';

/**
 * Options of {@link calculateInvoice}; none today: the rounding policy is part of the document
 * (`document.rounding`), required and never defaulted.
 * @example
 * calculateInvoice(document, {})
 */
export type CalculateInvoiceOptions = Record<string, never>;

/**
 * Calculates an invoice: line amounts, charges, taxes under the document's rounding policy,
 * cash rounding, accounting-currency amounts, due date, instalments and cash discounts.
 * The calculation order is documented in docs/invoicing.md. Whatever the policy,
 * `Σ line nets + Σ charges + Σ taxes + cash rounding = total`, per-code totals equal the sums
 * of the line and charge taxes, and the accounting amounts balance on their own.
 *
 * @param document - an {@link InvoiceDocument} as the host sends it (decimal strings)
 * @throws {@link OrderToCashError} `invalid_input` naming the bad field, e.g. `['document', 'lines', 0, 'quantity']`,
 *   or a price-included bracket code (`['document', 'taxCodes', i]`).
 * @example
 * calculateInvoice({ currency: 'EUR', invoiceDate: '2026-01-31', customerTaxGroup: ['T'],
 *   taxCodes: [{ id: 'T', calculation: { kind: 'percent', rate: '10' } }], priceMode: 'taxExcluded',
 *   rounding: { level: 'perDocument', mode: 'up', taxIncluded: 'keepTotal' },
 *   lines: [{ id: '1', item: 'A', itemTaxGroup: ['T'], quantity: '1', unitPrice: '42.42' },
 *           { id: '2', item: 'A', itemTaxGroup: ['T'], quantity: '1', unitPrice: '42.42' }] })
 * // taxes: T 8.49, lines 4.25 and 4.24
 */
export function calculateInvoice(document: unknown, _options: CalculateInvoiceOptions = {}): Invoice {
  return calculateParsedInvoice(parseInput(InvoiceDocumentSchema, document, ['document']));
}

/**
 * {@link calculateInvoice} on a document already parsed with `InvoiceDocumentSchema` (no
 * validation): for hot paths that calculate one parsed document many times.
 * @example
 * const doc = InvoiceDocumentSchema.parse(input)
 * calculateParsedInvoice(doc).totals.total
 */
export function calculateParsedInvoice(doc: InvoiceDocument): Invoice {
  return assembleInvoice(doc, fastParts(doc) ?? generalParts(doc));
}
