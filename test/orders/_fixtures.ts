// Shared fixtures of the orders tests: a small price book and a quotation that is quoted,
// sent and accepted, and an order made from it.
import { acceptQuotation } from '../../src/orders/acceptQuotation.js';
import { draftQuotation, type QuotationInput } from '../../src/orders/draftQuotation.js';
import { orderFromQuotation } from '../../src/orders/orderFromQuotation.js';
import type { Quotation } from '../../src/orders/Quotation.js';
import type { SalesOrder } from '../../src/orders/SalesOrder.js';
import { sendQuotation } from '../../src/orders/sendQuotation.js';
import { compilePriceBook, type PriceBook } from '../../src/pricing/compilePriceBook.js';
import type { OrderScenario } from '../../src/testkit/orders.js';

export const PRICING = { asOf: '2026-03-01', rounding: 'halfUp', combination: 'sum' } as const;
export const REPRICING = { rounding: 'halfUp', combination: 'sum' } as const;

export const BOOK_INPUT: { readonly agreements: readonly Readonly<Record<string, string>>[]; readonly basePrices: readonly Readonly<Record<string, string>>[] } = {
  agreements: [
    { id: 'P-A', relation: 'price', accountCode: 'all', itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '100', priceUnit: '5' },
    { id: 'LD-A', relation: 'lineDiscount', accountCode: 'all', itemCode: 'table', itemRelation: 'A', currency: 'EUR', unit: 'pcs', amount: '10', percent1: '15' },
    { id: 'TD', relation: 'totalDiscount', accountCode: 'all', itemCode: 'all', currency: 'EUR', percent1: '2' },
  ],
  basePrices: [
    { itemId: 'A', currency: 'EUR', unit: 'pcs', price: '25.00' },
    { itemId: 'B', currency: 'EUR', unit: 'pcs', price: '9.99' },
  ],
};
export const book: PriceBook = compilePriceBook(BOOK_INPUT);

export const QUOTE: QuotationInput = {
  number: 'SQ-1',
  customer: { customerId: 'C1' },
  currency: 'EUR',
  expiresOn: '2026-03-31',
  lines: [
    { itemId: 'A', quantity: '10', unit: 'pcs', requestedDate: '2026-03-20' },
    { itemId: 'B', quantity: '3', unit: 'pcs' },
  ],
};

export function quoted(input: QuotationInput = QUOTE, b: PriceBook = book, pricing: typeof PRICING | OrderScenario['pricing'] = PRICING): Quotation {
  const outcome = draftQuotation(input, b, pricing);
  if (outcome.kind !== 'quoted') throw new Error('fixture did not price');
  return outcome.quotation;
}

export function accepted(input: QuotationInput = QUOTE, b: PriceBook = book, pricing: typeof PRICING | OrderScenario['pricing'] = PRICING): Quotation {
  return acceptQuotation(sendQuotation(quoted(input, b, pricing)), pricing.asOf);
}

export function openOrder(invoiceAheadOfDelivery = false): SalesOrder {
  const outcome = orderFromQuotation(accepted(), { number: 'SO-1', asOf: '2026-03-05', policy: 'keepQuotedPrices', invoiceAheadOfDelivery });
  if (outcome.kind !== 'converted') throw new Error('fixture did not convert');
  return outcome.order;
}
