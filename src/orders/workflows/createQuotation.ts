import type { PriceOrderOptions } from '../../pricing/priceOrder.js';
import type { DecimalInput } from '../../money/Scaled.js';
import { draftQuotation } from '../draftQuotation.js';
import type { CustomerRepository, ItemRepository, NumberSequence, PriceBookRepository, QuotationRepository } from '../ports.js';
import type { Quotation } from '../Quotation.js';
import type { Conflict, NoPrice, NotFound, Saved } from './outcomes.js';

/**
 * What {@link createQuotation} takes: the customer, optional currency (default the customer's),
 * expiry date and lines (unit defaults to the item's sales unit).
 * @example
 * const request: CreateQuotationRequest = { customerId: 'C1', expiresOn: '2026-03-31',
 *   lines: [{ itemId: 'A', quantity: '10' }] };
 */
export type CreateQuotationRequest = {
  readonly customerId: string;
  readonly currency?: string;
  readonly expiresOn: string;
  readonly lines: readonly { readonly lineId?: string; readonly itemId: string; readonly quantity: DecimalInput; readonly unit?: string; readonly requestedDate?: string }[];
};

/**
 * Outcome of {@link createQuotation}.
 * @example
 * if (outcome.kind === 'saved') outcome.quotation.number //=> 'SQ-000001'
 */
export type CreateQuotationOutcome = Saved<{ readonly quotation: Quotation }> | NotFound | NoPrice | Conflict;

/**
 * Workflow: loads the customer, the items and the current price book, draws a quotation
 * number, prices a draft quotation as of `options.asOf` and saves it.
 * @param ports customers, items, price books, quotations, number sequence
 * @returns `saved` (version 1), or `notFound` for an unknown customer or item, `noPrice`, `conflict`.
 * @throws {@link OrderToCashError} `invalid_input` naming the bad field.
 * @example
 * await createQuotation(ports, { customerId: 'C1', expiresOn: '2026-03-31', lines: [{ itemId: 'A', quantity: '10' }] },
 *   { asOf: '2026-03-01', rounding: 'halfUp', combination: 'sum' }) //=> { kind: 'saved', version: 1, quotation }
 */
export async function createQuotation(
  ports: {
    readonly customers: CustomerRepository;
    readonly items: ItemRepository;
    readonly priceBooks: PriceBookRepository;
    readonly quotations: QuotationRepository;
    readonly numbers: NumberSequence;
  },
  request: CreateQuotationRequest,
  options: PriceOrderOptions,
): Promise<CreateQuotationOutcome> {
  const customer = await ports.customers.get(request.customerId);
  if (customer === undefined) return { kind: 'notFound', entity: 'customer', id: request.customerId };
  const lines = [];
  for (const l of request.lines) {
    const item = await ports.items.get(l.itemId);
    if (item === undefined) return { kind: 'notFound', entity: 'item', id: l.itemId };
    lines.push({ ...l, unit: l.unit ?? item.salesUnit });
  }
  const book = await ports.priceBooks.current();
  const number = await ports.numbers.next('quotation');
  const { currency, name: _name, ...context } = customer;
  const drafted = draftQuotation({ number, customer: context, currency: request.currency ?? currency, expiresOn: request.expiresOn, lines }, book, options);
  if (drafted.kind === 'noPrice') return drafted;
  const saved = await ports.quotations.save(drafted.quotation, 0);
  if (saved.kind === 'conflict') return { kind: 'conflict', entity: 'quotation', id: number, expectedVersion: 0, actualVersion: saved.actualVersion };
  return { kind: 'saved', version: saved.version, quotation: drafted.quotation };
}
