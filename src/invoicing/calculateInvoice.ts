import * as z from 'zod';
import { invalidInput, parseInput } from '../errors/parseInput.js';
import { assembleInvoice } from './_internal/assembleInvoice.js';
import { fastParts } from './_internal/fastParts.js';
import { generalParts } from './_internal/generalParts.js';
import type { Invoice } from './Invoice.js';
import { type InvoiceDocument, InvoiceDocumentSchema, type RoundingPolicy, RoundingPolicySchema } from './InvoiceDocument.js';

/**
 * Options of {@link calculateInvoice}: the rounding policy, here or as `document.rounding` (one of
 * the two is required, never defaulted; when both are given they must be equal).
 * @example
 * calculateInvoice(document, { rounding: { level: 'perCode', mode: 'halfEven', taxIncluded: 'keepTotal' } })
 */
export type CalculateInvoiceOptions = { readonly rounding?: RoundingPolicy };

const CalculateInvoiceOptionsSchema = /* @__PURE__ */ z.object({ rounding: RoundingPolicySchema.optional() });

/**
 * Calculates an invoice: line amounts, charges, taxes under the document's rounding policy,
 * cash rounding, accounting-currency amounts, due date, instalments and cash discounts.
 * The calculation order is documented in docs/invoicing.md. Whatever the policy,
 * `Σ line nets + Σ charges + Σ taxes + cash rounding = total`, per-code totals equal the sums
 * of the line and charge taxes, and the accounting amounts balance on their own.
 *
 * @param document - an {@link InvoiceDocument} as the host sends it (decimal strings); its
 *   `rounding` may be left out when `options.rounding` gives it
 * @param options - {@link CalculateInvoiceOptions}: the rounding policy
 * @throws {@link OrderToCashError} `invalid_input` naming the bad field, e.g. `['document', 'lines', 0, 'quantity']`,
 *   a price-included bracket code (`['document', 'taxCodes', i]`), a missing rounding policy
 *   (`['document', 'rounding']`) or two different ones (`['options', 'rounding']`).
 * @example
 * calculateInvoice({ currency: 'EUR', invoiceDate: '2026-01-31', customerTaxGroup: ['T'],
 *   taxCodes: [{ id: 'T', calculation: { kind: 'percent', rate: '10' } }], priceMode: 'taxExcluded',
 *   lines: [{ id: '1', item: 'A', itemTaxGroup: ['T'], quantity: '1', unitPrice: '42.42' },
 *           { id: '2', item: 'A', itemTaxGroup: ['T'], quantity: '1', unitPrice: '42.42' }] },
 *   { rounding: { level: 'perDocument', mode: 'up', taxIncluded: 'keepTotal' } })
 * // taxes: T 8.49, lines 4.25 and 4.24
 */
export function calculateInvoice(document: unknown, options: CalculateInvoiceOptions = {}): Invoice {
  const { rounding } = parseInput(CalculateInvoiceOptionsSchema, options, ['options']);
  if (rounding === undefined) return calculateParsedInvoice(parseInput(InvoiceDocumentSchema, document, ['document']));
  const given = isRecord(document) ? document.rounding : undefined;
  const doc = parseInput(InvoiceDocumentSchema, isRecord(document) && given === undefined ? { ...document, rounding } : document, ['document']);
  if (given !== undefined && !samePolicy(doc.rounding, rounding)) invalidInput(['options', 'rounding'], 'differs from document.rounding: give the rounding policy in one place');
  return calculateParsedInvoice(doc);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const samePolicy = (a: RoundingPolicy, b: RoundingPolicy): boolean => a.level === b.level && a.mode === b.mode && a.taxIncluded === b.taxIncluded;

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
