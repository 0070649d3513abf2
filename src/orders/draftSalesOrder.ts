import * as z from 'zod';
import { parseInput } from '../errors/parseInput.js';
import type { PriceBook } from '../pricing/compilePriceBook.js';
import type { PriceOrderOptions } from '../pricing/priceOrder.js';
import type { DraftOutcome, QuotationInput } from './draftQuotation.js';
import { settleLineIds } from './_internal/lines.js';
import { newOrder } from './_internal/newOrder.js';
import { priceLines } from './_internal/pricing.js';
import { DocumentInputSchema, PricingOptionsSchema } from './_internal/schemas.js';
import type { SalesOrder } from './SalesOrder.js';

/**
 * A sales order as a host sends it (without a quotation).
 * @example
 * const input: SalesOrderInput = { number: 'SO-1', customer: { customerId: 'C1' }, currency: 'EUR',
 *   lines: [{ itemId: 'A', quantity: '10', unit: 'pcs' }] };
 */
export type SalesOrderInput = Omit<QuotationInput, 'expiresOn'> & { readonly invoiceAheadOfDelivery?: boolean };

/**
 * Outcome of {@link draftSalesOrder}.
 * @example
 * if (outcome.kind === 'ordered') outcome.order.status //=> 'open'
 */
export type SalesOrderOutcome = DraftOutcome<'ordered', { readonly order: SalesOrder }>;

const SalesOrderInputSchema = /* @__PURE__ */ z.intersection(DocumentInputSchema, z.object({ invoiceAheadOfDelivery: z.boolean().optional() }));

/**
 * Creates an open sales order directly (no quotation), priced as of `options.asOf`.
 * @returns `{ kind: 'ordered', order }` or `{ kind: 'noPrice', lines }`.
 * @throws {@link OrderToCashError} `invalid_input` naming the bad field.
 * @example
 * draftSalesOrder({ number: 'SO-1', customer: { customerId: 'C1' }, currency: 'EUR',
 *   lines: [{ itemId: 'A', quantity: '1', unit: 'pcs' }] }, book,
 *   { asOf: '2026-03-01', rounding: 'halfUp', combination: 'sum' }).kind //=> 'ordered'
 */
export function draftSalesOrder(input: SalesOrderInput, book: PriceBook, options: PriceOrderOptions): SalesOrderOutcome {
  const doc = parseInput(SalesOrderInputSchema, input, ['input']);
  const asOf = parseInput(PricingOptionsSchema, options, ['options']).asOf;
  const lines = settleLineIds(doc.lines);
  const priced = priceLines(book, doc.customer, doc.currency, lines, options, asOf);
  if (priced.kind === 'noPrice') return priced;
  return {
    kind: 'ordered',
    order: newOrder({
      number: doc.number,
      customer: doc.customer,
      currency: doc.currency,
      orderedOn: asOf,
      lines,
      prices: priced.prices,
      totals: priced.totals,
      invoiceAheadOfDelivery: doc.invoiceAheadOfDelivery ?? false,
    }),
  };
}
