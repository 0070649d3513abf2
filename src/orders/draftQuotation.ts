import * as z from 'zod';
import { type CalendarDate, CalendarDateSchema } from '../calendar/CalendarDate.js';
import { invalidInput, parseInput } from '../errors/parseInput.js';
import type { DecimalInput } from '../money/Scaled.js';
import type { PriceBook } from '../pricing/compilePriceBook.js';
import type { PriceOrderOptions } from '../pricing/priceOrder.js';
import { deepFreeze } from './_internal/freeze.js';
import { settleLineIds } from './_internal/lines.js';
import { priceLines, type Unpriced } from './_internal/pricing.js';
import { DocumentInputSchema, PricingOptionsSchema } from './_internal/schemas.js';
import type { Quotation } from './Quotation.js';

/**
 * A quotation as a host sends it. Line ids default to the line's 1-based position.
 * @example
 * const input: QuotationInput = { number: 'SQ-1', customer: { customerId: 'C1' }, currency: 'EUR',
 *   expiresOn: '2026-03-31', lines: [{ itemId: 'A', quantity: '10', unit: 'pcs' }] };
 */
export type QuotationInput = {
  readonly number: string;
  readonly customer: { readonly customerId: string; readonly priceGroup?: string; readonly lineDiscountGroup?: string; readonly multilineDiscountGroup?: string; readonly totalDiscountGroup?: string };
  readonly currency: string;
  readonly expiresOn: string;
  readonly lines: readonly {
    readonly lineId?: string;
    readonly itemId: string;
    readonly quantity: DecimalInput;
    readonly unit: string;
    readonly requestedDate?: string;
  }[];
};

/**
 * Outcome of pricing a new document: made, or some lines have no price (a result, not an error).
 * @example
 * if (outcome.kind === 'noPrice') outcome.lines //=> [{ lineId: '2', itemId: 'X' }]
 */
export type DraftOutcome<K extends string, T> = ({ readonly kind: K } & T) | { readonly kind: 'noPrice'; readonly lines: readonly Unpriced[] };

/**
 * Outcome of {@link draftQuotation}.
 * @example
 * if (outcome.kind === 'quoted') outcome.quotation.status //=> 'draft'
 */
export type QuotationOutcome = DraftOutcome<'quoted', { readonly quotation: Quotation }>;

const QuotationInputSchema = /* @__PURE__ */ z.intersection(DocumentInputSchema, z.object({ expiresOn: CalendarDateSchema }));

/**
 * Creates a draft quotation priced through the pricing module as of `options.asOf` (the
 * quotation date), valid until `expiresOn` inclusive.
 * @param input {@link QuotationInput}
 * @param book the compiled price book
 * @param options the pricing options: `asOf`, `rounding`, `combination` (never defaulted), …
 * @returns `{ kind: 'quoted', quotation }`, or `{ kind: 'noPrice', lines }` naming the lines nothing prices.
 * @throws {@link OrderToCashError} `invalid_input` naming the bad field, e.g. `['input', 'expiresOn']` when it is before `asOf`.
 * @example
 * draftQuotation({ number: 'SQ-1', customer: { customerId: 'C1' }, currency: 'EUR', expiresOn: '2026-03-31',
 *   lines: [{ itemId: 'A', quantity: '1', unit: 'pcs' }] }, book,
 *   { asOf: '2026-03-01', rounding: 'halfUp', combination: 'sum' }).kind //=> 'quoted'
 */
export function draftQuotation(input: QuotationInput, book: PriceBook, options: PriceOrderOptions): QuotationOutcome {
  const doc = parseInput(QuotationInputSchema, input, ['input']);
  const asOf: CalendarDate = parseInput(PricingOptionsSchema, options, ['options']).asOf;
  if (doc.expiresOn < asOf) invalidInput(['input', 'expiresOn'], `is before the quotation date ${asOf}`);
  const lines = settleLineIds(doc.lines);
  const priced = priceLines(book, doc.customer, doc.currency, lines, options, asOf);
  if (priced.kind === 'noPrice') return priced;
  const quotation: Quotation = {
    number: doc.number,
    customer: doc.customer,
    currency: doc.currency,
    status: 'draft',
    quotedOn: asOf,
    expiresOn: doc.expiresOn,
    lines: lines.map((l, i) => ({ ...l, price: priced.prices[i] as Quotation['lines'][number]['price'] })),
    totals: priced.totals,
  };
  return { kind: 'quoted', quotation: deepFreeze(quotation) };
}
